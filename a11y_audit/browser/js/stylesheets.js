// The @media rules of the page's stylesheets whose condition names the screen orientation,
// as CSSOM serialises them, read from every stylesheet the page can read: <style> elements,
// same-origin and CORS-enabled <link>ed sheets, @import-ed sheets and adopted sheets. A
// cross-origin sheet without CORS hides its rules from scripts; it is listed as unreadable.
// A whole sheet applied only in one orientation (<link media="(orientation: ...)">) is
// returned as one @media block around its rules.
var ORIENTATION = /orientation/i;
var MAX_SHEETS = 500;
var rules = [];
var unreadable = [];
var seen = 0;
function walkRules(list, href) {
  for (var i = 0; i < list.length; i++) {
    var rule = list[i];
    if (rule.styleSheet) {
      walkSheet(rule.styleSheet);
    } else if (rule.media && rule.cssRules && ORIENTATION.test(rule.media.mediaText)) {
      rules.push({ media: rule.media.mediaText, css: rule.cssText, href: href });
    } else if (rule.cssRules) {
      walkRules(rule.cssRules, href); // @supports, @layer, @container and media without orientation
    }
  }
}
function walkSheet(sheet) {
  if (!sheet || seen++ >= MAX_SHEETS) return;
  var href = sheet.href || null;
  var list;
  try {
    list = sheet.cssRules;
  } catch (error) {
    unreadable.push(href || '(inline)');
    return;
  }
  if (!list) return;
  var media = sheet.media && sheet.media.mediaText;
  if (media && ORIENTATION.test(media)) {
    var css = Array.prototype.map.call(list, function (rule) {
      return rule.cssText;
    });
    rules.push({ media: media, css: '@media ' + media + ' {\n' + css.join('\n') + '\n}', href: href });
    return;
  }
  walkRules(list, href);
}
Array.prototype.forEach.call(document.styleSheets, walkSheet);
(document.adoptedStyleSheets || []).forEach(walkSheet);
return { rules: rules, unreadable: unreadable, sheets: seen };
