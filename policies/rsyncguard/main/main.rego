# METADATA
# title: rsyncguard entrypoint
# description: Every finding of every rule family for one facts document. Families are found by path,
#   so adding a rule needs no change here.
package rsyncguard.main

findings := [f | some family; some f in data.rsyncguard.rules[family].findings]
