"""Editorial roles and the approval workflow: editors write, approvers release.

`roles` says what each group may do, `setup` puts groups, permissions and the workflow
"Redaktionelle Freigabe" in place (idempotently), `approval` is the four-eyes approval task,
`publishing` records every publish that did not come out of an approval.
"""
