"""The CI gate, pure: baselines, and the decision on what is new, known or fixed."""
