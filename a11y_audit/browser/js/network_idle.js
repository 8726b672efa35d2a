// How many resources the page has fetched so far and whether it finished loading; a journey's
// wait_idle step polls this until the count stops growing.
return {
  resources: performance.getEntriesByType("resource").length,
  complete: document.readyState === "complete",
};
