/* The editor's photo components, then the editor itself (Sveltia CMS).

   "Ảnh có chú thích" is one photo line, ![Chú thích](anh.jpg); "Thư viện ảnh" is a
   ::: gallery block of such lines. Their fields, and the pattern of a photo
   line, come from thanh-phan.json, which the build writes from news_core (the
   same rules the build reads them with), so a photo without a caption is
   caught in the form, in Vietnamese, before anything is saved. */
(function () {
  'use strict';

  var GALLERY = /^ {0,3}:{3,}[ \t]*gallery\b[ \t]*(.*)\n([\s\S]*?)\n {0,3}:{3,}[ \t]*$/m;

  function photoLine(photo, caption) {
    // As news_core.gallery.item_line writes it, so the build reads back the same.
    var src = /\s/.test(photo) ? '<' + photo + '>' : photo;
    caption = String(caption || '').replace(/[ \t\r\n]+/g, ' ').trim();
    if (caption.indexOf(']') >= 0 && caption.indexOf('"') < 0) {
      return '![](' + src + ' "' + caption + '")';
    }
    return '![' + caption.replace(/\[/g, '(').replace(/\]/g, ')') + '](' + src + ')';
  }

  function readPhoto(line, image) {
    var match = image.exec(line);
    if (!match) {
      return null;
    }
    var groups = match.groups;
    return {
      photo: groups.src.replace(/^<|>$/g, '').replace(/\\(.)/g, '$1'),
      caption: groups.title || groups.alt || ''
    };
  }

  function escapeHtml(text) {
    return String(text || '').replace(/[&<>"]/g, function (ch) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[ch];
    });
  }

  // The preview draws photos with the site's own markup (news_gallery), so site.css shapes them.
  function figureHtml(item, className) {
    return '<figure class="' + className + '"><img src="' + escapeHtml(item.photo) + '" alt="' +
      escapeHtml(item.caption) + '"><figcaption>' + escapeHtml(item.caption) + '</figcaption></figure>';
  }

  // Sveltia does not check the fields of a list inside an editor component, so a
  // photo of a gallery could be saved without its caption. Two checks close that:
  // on Save, every empty caption box is marked in place (beside the form's own
  // errors, such as an impossible date), and the save itself is refused by a
  // preSave hook that reads the article as the build will.
  var CAPTION_MISSING = 'Ảnh này chưa có chú thích.';  // the build's wording comes with thanh-phan.json

  // A photo line as the form writes it, also with the photo not chosen yet: ![]().
  var ANY_PHOTO = /^\s*!\[([^\]]*)\]\(\s*(?:<[^>]*>|[^\s)]*)(?:\s+"([^"]*)")?\s*\)\s*$/;

  function missingCaptions(body, image) {
    var missing = [];
    String(body || '').split('\n').forEach(function (line, index) {
      var photo = readPhoto(line, image);
      var any = ANY_PHOTO.exec(line);
      if (any && !photo) {
        missing.push('dòng ' + (index + 1) + ' của nội dung (ảnh chưa chọn)');
      } else if (photo && !photo.caption.trim()) {
        missing.push('dòng ' + (index + 1) + ' của nội dung (' + (photo.photo || 'ảnh chưa chọn') + ')');
      }
    });
    return missing;
  }

  function captionBoxes() {
    return Array.prototype.filter.call(document.querySelectorAll('.content-editor input[aria-labelledby]'), function (box) {
      var label = document.getElementById(box.getAttribute('aria-labelledby'));
      return label && /^\s*Chú thích/.test(label.textContent);
    });
  }

  function markCaptions() {
    captionBoxes().forEach(function (box) {
      var note = document.getElementById(box.id + '-chu-thich');
      if (box.value.trim()) {
        if (note) {
          note.remove();
          box.setAttribute('aria-invalid', 'false');
        }
        return;
      }
      if (!box.id) {
        box.id = 'chu-thich-' + Math.random().toString(36).slice(2);
      }
      if (!note) {
        note = document.createElement('p');
        note.id = box.id + '-chu-thich';
        note.className = 'news-admin-error';
        note.textContent = CAPTION_MISSING;
        box.closest('.sui.text-input, div').after(note);
      }
      box.setAttribute('aria-invalid', 'true');
      box.setAttribute('aria-describedby', note.id);
    });
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button');
    if (button && button.textContent.trim() === 'Lưu') {
      markCaptions();
    }
  }, true);
  document.addEventListener('input', function (event) {
    if (event.target.getAttribute && event.target.getAttribute('aria-invalid') === 'true' &&
        document.getElementById(event.target.id + '-chu-thich')) {
      markCaptions();
    }
  }, true);

  function register(spec) {
    var CMS = window.CMS;
    var image = new RegExp(spec.image_line);
    CAPTION_MISSING = spec.caption_missing;
    var single = new RegExp(spec.image_line.replace(/^\^\\s\*/, '^').replace(/\\s\*\$$/, '$'));
    spec.preview_styles.forEach(function (href) {
      CMS.registerPreviewStyle(href);
    });
    CMS.registerEditorComponent({
      id: spec.figure.id,
      label: spec.figure.label,
      fields: spec.figure.fields,
      pattern: single,
      fromBlock: function (match) {
        return readPhoto(match[0], image) || { photo: '', caption: '' };
      },
      toBlock: function (data) {
        return photoLine(data.photo || '', data.caption);
      },
      toPreview: function (data) {
        return figureHtml(data, 'news-figure');
      }
    });
    CMS.registerEditorComponent({
      id: spec.gallery.id,
      label: spec.gallery.label,
      fields: spec.gallery.fields,
      pattern: GALLERY,
      fromBlock: function (match) {
        var photos = match[2].split('\n').map(function (line) {
          return readPhoto(line, image);
        }).filter(Boolean);
        return { title: match[1].trim(), photos: photos };
      },
      toBlock: function (data) {
        var title = String(data.title || '').replace(/[ \t\r\n]+/g, ' ').trim() || spec.gallery.default_title;
        var lines = (data.photos || []).map(function (item) {
          return photoLine(item.photo || '', item.caption);
        });
        return ['::: gallery ' + title].concat(lines, [':::']).join('\n');
      },
      toPreview: function (data) {
        return '<section class="news-gallery"><h2 class="news-gallery__title">' +
          escapeHtml(data.title || spec.gallery.default_title) + '</h2><ul class="news-gallery__grid">' +
          (data.photos || []).map(function (item) {
            return '<li>' + figureHtml(item, 'news-gallery__item') + '</li>';
          }).join('') + '</ul></section>';
      }
    });
    CMS.registerEventListener({
      name: 'preSave',
      handler: function (args) {
        var missing = missingCaptions(args.entry.get('data').get('body'), image);
        if (missing.length) {
          markCaptions();
          // 'saving_failed' makes Sveltia show the cause's message in its error dialog.
          throw new Error('saving_failed', { cause: new Error(
            'Chưa lưu: ảnh chưa có chú thích ở ' + missing.join('; ') + '. Viết chú thích cho từng ảnh rồi bấm Lưu.') });
        }
      }
    });
    CMS.init();
  }

  // Sveltia's interface, as axe-core checks it, has two gaps we close from outside:
  // its viewport forbids zooming (maximum-scale=1), and its top bar and article
  // editor sit outside any landmark. Re-applied whenever the interface redraws.
  // Attributes are set only when they differ, so tidy() never wakes its own observer.
  function set(element, name, value) {
    if (element.getAttribute(name) !== value) {
      element.setAttribute(name, value);
    }
  }

  function tidy() {
    document.querySelectorAll('meta[name="viewport"]').forEach(function (meta) {
      var content = meta.getAttribute('content') || '';
      var zoomable = content.replace(/,\s*(maximum-scale|user-scalable)=[^,]*/g, '');
      if (zoomable !== content) {
        set(meta, 'content', zoomable);
      }
    });
    var LANDMARK = 'main, nav, header, [role="banner"], [role="region"], [role="main"], [role="navigation"]';
    // The top bar (search, new, account) is the banner; other bars (the phone's bottom
    // bar) are navigation; both keep their toolbar inside.
    document.querySelectorAll('.app-shell [role="toolbar"]').forEach(function (bar) {
      var holder = bar.parentElement;
      if (bar.closest(LANDMARK) || !holder || holder.querySelector('main, nav')) {
        return;
      }
      var banner = holder.classList.contains('toolbar-wrapper') && !document.querySelector('.app-shell [role="banner"]');
      set(holder, 'role', banner ? 'banner' : 'navigation');
      if (!banner) {
        set(holder, 'aria-label', bar.getAttribute('aria-label') || 'Chuyển trang');
      }
    });
    // The list page's handle that resizes the folder list (nav) against the list (main)
    // sits between the two landmarks: it stays for the mouse, but leaves the keyboard
    // order and the accessibility tree (resizing panes is a convenience, not a task).
    document.querySelectorAll('.app-shell .resizable-handle[role="separator"]').forEach(function (handle) {
      if (!handle.closest(LANDMARK)) {
        set(handle, 'tabindex', '-1');
        set(handle, 'aria-hidden', 'true');
      }
    });
    // The page wrapping them is a named group, which screen readers would read as content
    // outside the landmarks; the nav and main inside carry the names.
    document.querySelectorAll('.page-root > [role="group"][aria-label]').forEach(function (page) {
      if (page.querySelector('main, nav')) {
        page.removeAttribute('aria-label');
      }
    });
    // The sign-in page, and the phone's list of folders, have no main landmark: their
    // box is the main content (and stops being so once the editor draws its own main).
    document.querySelectorAll('.app-shell .outer > .main').forEach(function (box) {
      var own = box.getAttribute('data-news-main') === '1';
      var inner = box.querySelector('main, [role="main"]:not([data-news-main])');
      if (!inner && !own && !document.querySelector('main, [role="main"]')) {
        set(box, 'role', 'main');
        set(box, 'data-news-main', '1');
      } else if (inner && own) {
        set(box, 'role', 'none');
        box.removeAttribute('data-news-main');
      }
    });
    // Each view names itself with a second-level heading; the first one in the main
    // content is the page's title for screen readers.
    var shown = function (element) {
      return element.getClientRects().length > 0;
    };
    if (!Array.prototype.some.call(document.querySelectorAll('h1, h2[aria-level="1"], [role="heading"][aria-level="1"]'), shown)) {
      var title = Array.prototype.filter.call(
        document.querySelectorAll('main h2, [role="main"] h2, [role="region"] h2'), shown)[0];
      if (title) {
        if (title.getAttribute('role') === 'none') {
          set(title, 'role', 'heading');  // the list's title, which Sveltia left unnamed
        }
        set(title, 'aria-level', '1');
      }
    }
    // An article being edited: its own region, named by Sveltia's label.
    document.querySelectorAll('.content-editor[role="group"][aria-label]').forEach(function (editor) {
      set(editor, 'role', 'region');
    });
    // aria-controls naming an element the phone layout does not draw.
    document.querySelectorAll('.app-shell [aria-controls]').forEach(function (control) {
      if (!document.getElementById(control.getAttribute('aria-controls'))) {
        control.removeAttribute('aria-controls');
      }
    });
  }

  var pending = false;
  new MutationObserver(function () {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        tidy();
      });
    }
  }).observe(document.documentElement, {
    // Svelte also rewrites attributes of nodes it keeps (role, aria-label, tabindex).
    childList: true, subtree: true, attributes: true, attributeFilter: ['role', 'aria-label', 'tabindex', 'content']
  });

  function fail(error) {
    var note = document.createElement('p');
    note.setAttribute('role', 'alert');
    note.className = 'admin-error';
    note.textContent = 'Không mở được trình biên tập (' + error + '). Dựng lại trang rồi tải lại trang này.';
    document.body.appendChild(note);
  }

  fetch('thanh-phan.json', { cache: 'no-cache' })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('thanh-phan.json: ' + response.status);
      }
      return response.json();
    })
    .then(register)
    .catch(fail);
}());
