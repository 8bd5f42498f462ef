"""SQL records of the network itself: the cached network-level measures."""
