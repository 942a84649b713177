"""The figure extractor\x27s parts: number value types, detection, cohort, status, structure, context."""
