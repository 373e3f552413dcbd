"""Rule files: schema, loading, self-tests and generated documentation."""
