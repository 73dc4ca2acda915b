"""`make loadtest`: the service under load on loopback (`loadtest.run`)."""
