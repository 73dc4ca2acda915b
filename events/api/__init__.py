"""The event, update and dashboard endpoints."""
