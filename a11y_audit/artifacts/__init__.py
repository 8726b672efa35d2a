"""What a page visit gathers and saves: the artifact kinds and the on-disk store, the saved
interface between the browser and judging."""
