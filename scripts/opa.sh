#!/usr/bin/env bash
# The pinned OPA CLI (tools/go.mod); see go-tool.sh.
exec "$(dirname "$0")/go-tool.sh" opa "$@"
