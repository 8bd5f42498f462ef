"""SQL records of the network itself (issue 3): the cached network-level measures."""
