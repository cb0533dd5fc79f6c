"""Data of the flows package: the migrated, empty Prefect database (see flows/prefect_db.py)."""
