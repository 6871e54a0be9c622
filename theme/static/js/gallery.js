/*
 * Photo gallery lightbox (PhotoSwipe 5, vendored in ../vendor/photoswipe/).
 *
 * Loaded on article pages as <script type="module">. It enhances every
 * `section.news-gallery` produced by the build:
 *
 *   <section class="news-gallery" aria-labelledby="…">
 *     <h2 id="…">…</h2>
 *     <ul class="news-gallery__grid"><li><figure class="news-gallery__item">
 *       <a class="news-gallery__link" href="large.jpg"
 *          data-pswp-width="1600" data-pswp-height="1067"><picture>…<img></picture></a>
 *       <figcaption>…</figcaption>
 *     </figure></li></ul>
 *   </section>
 *
 * Without JavaScript (or if this module fails) the links simply open the
 * large photo. On pages without a gallery the module does nothing. Only the
 * small lightbox loader is imported up front; the PhotoSwipe core is fetched
 * the first time a gallery is used.
 */
import PhotoSwipeLightbox from '../vendor/photoswipe/photoswipe-lightbox.esm.min.js';

const GALLERY_SELECTOR = 'section.news-gallery';
const LINK_SELECTOR = 'a.news-gallery__link';

// Vietnamese labels for every control and message PhotoSwipe shows.
const LABELS = {
  closeTitle: 'Đóng (Esc)',
  zoomTitle: 'Phóng to',
  arrowPrevTitle: 'Ảnh trước',
  arrowNextTitle: 'Ảnh sau',
  errorMsg: 'Không tải được ảnh',
  indexIndicatorSep: ' / ',
};
// Accessible names PhotoSwipe hard-codes in English.
const DIALOG_LABEL = 'Thư viện ảnh';
const CAROUSEL_ROLE = 'băng chuyền ảnh';
const SLIDE_ROLE = 'ảnh';

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

/** Open/close animation: none when the reader asked for reduced motion. */
function showHideAnimationType() {
  return reducedMotion.matches ? 'none' : 'zoom';
}

/** Caption of a gallery link: the text of its figure's figcaption, or ''. */
function captionFor(link) {
  const figcaption = link?.closest('figure')?.querySelector('figcaption');
  return figcaption ? figcaption.textContent.replace(/\s+/g, ' ').trim() : '';
}

/** Name of the lightbox dialog: the gallery's heading (aria-labelledby). */
function galleryTitle(section) {
  const id = section.getAttribute('aria-labelledby');
  const heading = id ? document.getElementById(id) : null;
  const text = heading ? heading.textContent.replace(/\s+/g, ' ').trim() : '';
  return text || DIALOG_LABEL;
}

/**
 * Height of the caption bar for a given text, measured with a hidden copy of
 * the bar inside the open lightbox. Used as bottom padding so the caption
 * never covers the photo. Heights are cached per viewport width.
 */
function captionMeasurer(lightbox) {
  const cache = new Map();
  let probe = null;
  let cachedWidth = 0;
  return (text, viewportWidth) => {
    const root = lightbox.pswp?.element;
    if (!text || !root) return 0;
    if (!probe || !root.contains(probe)) {
      probe = document.createElement('div');
      probe.className = 'pswp__custom-caption pswp__custom-caption--probe';
      probe.setAttribute('aria-hidden', 'true');
      const textElement = document.createElement('p');
      textElement.className = 'pswp__custom-caption-text';
      probe.append(textElement);
      root.append(probe);
      cache.clear();
    }
    if (viewportWidth !== cachedWidth) {
      cache.clear();
      cachedWidth = viewportWidth;
    }
    if (!cache.has(text)) {
      probe.firstChild.textContent = text;
      cache.set(text, probe.offsetHeight);
    }
    return cache.get(text);
  };
}

/** Set up one lightbox for one gallery section. */
function setUpGallery(section) {
  // The thumbnail link the lightbox was opened from (see 'destroy' below).
  let opener = null;
  let measureCaption = () => 0;

  const lightbox = new PhotoSwipeLightbox({
    gallery: section,
    children: LINK_SELECTOR,
    pswpModule: () =>
      import('../vendor/photoswipe/photoswipe.esm.min.js').catch((error) => {
        // The core could not be loaded (offline, blocked): do what the link
        // does without JavaScript, and keep the failed promise pending so
        // nothing is reported as an unhandled error.
        console.warn('gallery: PhotoSwipe failed to load', error);
        if (opener) window.location.assign(opener.href);
        return new Promise(() => {});
      }),
    showHideAnimationType: showHideAnimationType(),
    // Opaque backdrop: the article must not show through around the photo.
    bgOpacity: 1,
    // Keep the photo above its caption bar (the bar is not drawn over it).
    paddingFn: (viewportSize, itemData) => ({
      top: 0,
      right: 0,
      bottom: measureCaption(captionFor(itemData?.element), viewportSize.x),
      left: 0,
    }),
    returnFocus: true, // PhotoSwipe's default, stated for clarity
    ...LABELS,
  });

  measureCaption = captionMeasurer(lightbox);

  // Thumbnails are cropped to 3:2 by CSS (object-fit: cover), so the zoom
  // animation must start from the crop, not from a letterboxed thumbnail.
  lightbox.addFilter('domItemData', (itemData) => {
    itemData.thumbCropped = true;
    return itemData;
  });

  // Remember which link opened the lightbox. This listener is added before
  // lightbox.init(), so it runs before PhotoSwipe's own click handler.
  section.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest(LINK_SELECTOR) : null;
    if (link) opener = link;
  });

  lightbox.on('uiRegister', () => {
    const { pswp } = lightbox;

    // Vietnamese accessible names for the dialog and its carousel pattern.
    pswp.element?.setAttribute('aria-label', galleryTitle(section));
    pswp.element?.setAttribute('aria-modal', 'true');
    pswp.scrollWrap?.setAttribute('aria-roledescription', CAROUSEL_ROLE);
    pswp.mainScroll?.itemHolders?.forEach((holder) => {
      holder.el?.setAttribute('aria-roledescription', SLIDE_ROLE);
    });

    // Caption bar at the bottom, filled from the photo's figcaption. It sits
    // in the scroll wrapper so swipes that start on it still change photos.
    pswp.ui.registerElement({
      name: 'caption',
      className: 'pswp__custom-caption',
      order: 9,
      isButton: false,
      appendTo: 'wrapper',
      html: '',
      onInit: (element, instance) => {
        // The text sits in an inner element so the three-line clamp on
        // phones does not leak into the bar's padding.
        const textElement = document.createElement('p');
        textElement.className = 'pswp__custom-caption-text';
        element.append(textElement);
        element.setAttribute('aria-live', 'polite');
        element.hidden = true;
        instance.on('change', () => {
          const text = captionFor(instance.currSlide?.data?.element);
          textElement.textContent = text;
          element.hidden = !text;
          element.classList.remove('pswp__custom-caption--expanded');
        });
        // On small screens long captions are cut to three lines; a tap
        // shows the whole text (screen readers always get all of it).
        element.addEventListener('click', () => {
          element.classList.toggle('pswp__custom-caption--expanded');
        });
      },
    });
  });

  // PhotoSwipe returns focus to the element that had it when the lightbox
  // opened. Browsers that do not focus links on click (Safari) leave that
  // to <body>, so fall back to the link the lightbox was opened from.
  lightbox.on('destroy', () => {
    const active = document.activeElement;
    const lost = !active || active === document.body || lightbox.pswp?.element?.contains(active);
    if (lost && opener?.isConnected) opener.focus();
  });

  lightbox.init();
  return lightbox;
}

function init() {
  const sections = document.querySelectorAll(GALLERY_SELECTOR);
  if (!sections.length) return;

  const lightboxes = [];
  sections.forEach((section) => {
    try {
      lightboxes.push(setUpGallery(section));
    } catch (error) {
      // Leave this gallery with plain links rather than break the page.
      console.warn('gallery: lightbox not set up', error);
    }
  });

  // Follow changes of the reduced-motion preference while the page is open.
  reducedMotion.addEventListener?.('change', () => {
    lightboxes.forEach((lightbox) => {
      lightbox.options.showHideAnimationType = showHideAnimationType();
    });
  });
}

// Module scripts run after parsing, but guard in case it is loaded async.
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', init, { once: true });
} else {
  init();
}
