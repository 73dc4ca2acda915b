"""Events (dockings, spacewalks, tests) and the Starship dashboard's road closures, notices and streams."""
