# METADATA
# title: Who may connect, and what they may do
# description: Anonymous and writable modules, host rules that admit more than they seem to, listing.
package rsyncguard.rules.access

# The rules of this package sit in one file per concern: anonymous.rego (no login), hosts.rego (host
# rules), modes.rego (listing, read/write modes), values.rego (values rsync reads otherwise than they
# look) and limits.rego (connection limits).
