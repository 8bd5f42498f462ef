"""Plain Python rules of lo_network: records, validation, vocabularies. No Reflex, no driver."""
