/* Runs before Sveltia CMS: nothing loads from another host, the interface is
   Vietnamese unless the editor chose another language, and admin.js starts the
   editor once our photo components are registered. */
(function () {
  'use strict';
  var script = document.currentScript;
  var here = new URL('sveltia-cms/', script.src).href;
  // The office's Git server (NEWS_ADMIN["url"]), the one other host the editor may reach.
  var servers = (script.getAttribute('data-servers') || '').split(' ').filter(Boolean);
  var realFetch = window.fetch.bind(window);
  // Sveltia fetches its interface strings on unpkg.com: answer from our copy.
  var LOCALE = /^https:\/\/unpkg\.com\/@sveltia\/cms@[^/]+\/locales\/(vi|en-US)\.json$/;
  window.fetch = function (input, init) {
    var url = new URL(typeof input === 'string' ? input : (input instanceof URL ? input.href : input.url),
      window.location.href);
    var locale = LOCALE.exec(url.href);
    if (locale) {
      return realFetch(here + locale[1] + '.json', init);
    }
    if (url.origin !== window.location.origin && url.protocol !== 'blob:' && url.protocol !== 'data:' &&
        servers.indexOf(url.origin) < 0) {
      // Update checks, service status pages, CDNs: never asked.
      return Promise.resolve(new Response('', { status: 404, statusText: 'Not fetched from another host' }));
    }
    return realFetch(input, init);
  };
  try {
    if (!window.localStorage.getItem('sveltia-cms.prefs')) {
      window.localStorage.setItem('sveltia-cms.prefs', JSON.stringify({ locale: 'vi' }));
    }
  } catch (error) {
    // Storage refused (private window): Sveltia follows the browser's language.
  }
  window.CMS_MANUAL_INIT = true;
}());
