# A policy set for Conftest equivalent to rsyncguard's core module rules, over Conftest's INI parser (which
# loses globals and reads values as written): the comparison in bench/results.md measures throughput only.
package main

import rego.v1

modules[name] := m if {
	some name, m in input
	is_object(m)
}

value(m, key) := lower(sprintf("%v", [m[key]]))

deny contains sprintf("[%s] has no auth users", [name]) if {
	some name, m in modules
	not m["auth users"]
}

deny contains sprintf("[%s] is writable", [name]) if {
	some name, m in modules
	value(m, "read only") in {"no", "false", "0"}
}

deny contains sprintf("[%s] has no hosts allow", [name]) if {
	some name, m in modules
	not m["hosts allow"]
}

deny contains sprintf("[%s] runs without chroot", [name]) if {
	some name, m in modules
	value(m, "use chroot") in {"no", "false", "0"}
}

deny contains sprintf("[%s] runs as root", [name]) if {
	some name, m in modules
	value(m, "uid") in {"root", "0"}
}

deny contains sprintf("[%s] exports a system tree", [name]) if {
	some name, m in modules
	value(m, "path") in {"/", "/etc", "/root", "/home"}
}

warn contains sprintf("[%s] turns strict modes off", [name]) if {
	some name, m in modules
	value(m, "strict modes") in {"no", "false", "0"}
}

warn contains sprintf("[%s] is listed", [name]) if {
	some name, m in modules
	m["auth users"]
	not value(m, "list") in {"no", "false", "0"}
}
