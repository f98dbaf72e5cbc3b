"""Non-UI services of the collateral job: reading files to publish, thumbnails, the cache policy."""
