// Import of attendances: the registrations already made for these person+activity keys
// (who_key: "<activity>|p:<person>" or "<activity>|e:<email>", as the registration service keys them).
UNWIND $keys AS key
MATCH (r:Registration {who_key: key})
RETURN key, r {.id, .status, .attendance, .imported} AS registration
