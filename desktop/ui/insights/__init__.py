"""The Insights page: funnels, collateral effectiveness, voice of the customer, rubric check."""
