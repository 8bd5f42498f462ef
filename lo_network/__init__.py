"""lo_network: the network and stakeholder CRM of Logistics Overijssel."""
