"""Language data of the audit rules (YAML)."""
