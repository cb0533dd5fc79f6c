"""Prefect 3 flows over the pipeline stages (thin: the stages live in `pipeline/` and `extractors/`).

Importing this package does not import Prefect: `flows.settings.apply_offline_defaults(db)` must be
able to run first. `from flows.ingest import ingest_inbox` for the flow, `flows.serve` for `chiso serve`.
"""
