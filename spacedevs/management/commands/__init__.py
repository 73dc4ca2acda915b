"""`schema_differences`."""
