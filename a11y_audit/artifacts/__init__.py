"""What a page visit gathers and saves: the artifact kinds, their data shapes and the on-disk
store, the saved interface between the browser and judging.

kinds.py names each artifact with its shape; <name>.py holds the shape as TypedDicts (the
schema once written in the gatherers' docstrings), shared.py the parts several share. Pure:
no browser, so gatherers and checks both import it.
"""
