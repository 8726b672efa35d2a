/* The payment provider's card fields (widgets origin). As with real hosted fields, the card
   number never reaches the store: the store's page asks this frame for a token when its form
   is submitted, and the token says how the provider's test mode will treat the card
   (docs/journeys.md: the demo's test cards). */
(function () {
  'use strict';

  var store = document.body.getAttribute('data-store-origin');
  var TEST_TOKENS = { '4000000000000002': 'tok_chargeDeclined' };

  window.addEventListener('message', function (e) {
    if (e.origin !== store || !e.data || e.data.type !== 'card:tokenize') { return; }
    var number = document.getElementById('card-number').value.replace(/\D/g, '');
    var token = TEST_TOKENS[number] || (number ? 'tok_card_' + number.slice(-4) : '');
    e.source.postMessage({ type: 'card:token', token: token }, e.origin);
  });
})();
