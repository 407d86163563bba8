/// The runtime's version of the course engine it runs, so the module has a symbol from its first commit.
public enum Runtime {}
