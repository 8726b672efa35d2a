// Registered before page scripts in every new document (crawler._start_from), completed there
// with the storage state's localStorage: {"https://shop.example.com": [["key", "value"], ...]}.
// Seeds once per tab and origin: a sessionStorage marker, which the crawl clears before each
// page (a first visit gets the stored state again) and a journey keeps (its pages' writes stay).
function (seeds) {
  try {
    var items = seeds[location.origin];
    var marker = "a11y-audit:storage-state-applied";
    if (!items || sessionStorage.getItem(marker)) return;
    for (var i = 0; i < items.length; i++) localStorage.setItem(items[i][0], items[i][1]);
    sessionStorage.setItem(marker, "1");
  } catch (e) {
    // an opaque origin or storage blocked: nothing to seed
  }
}
