"""Demo data: a fictional Overijssel logistics network."""
