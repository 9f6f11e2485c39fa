# METADATA
# title: rsyncguard entrypoint
# description: Every finding of every rule family for one facts document. Families are found by path,
#   so adding a rule needs no change here.
package rsyncguard.main

# METADATA
# title: All findings
# description: The engine's entrypoint (rsyncguard/main/findings).
# entrypoint: true
findings := [f | some family; some f in data.rsyncguard.rules[family].findings]
