"""PDF builders: plain data in, PDF bytes out; they never read the store or touch Qt."""
