/*
 * Safe Markdown for CDS card detail. Card text comes from a service, and a service's text may carry record data,
 * so no HTML in it may ever run: this renderer builds DOM nodes and sets only textContent and vetted attributes;
 * it never assigns innerHTML. A "<b>" in the text is shown as the characters "<b>".
 *
 * Subset (what CDS cards use): paragraphs, headings, bullet and numbered lists, block quotes, fenced code,
 * horizontal rules, simple tables; inline **strong**, *emphasis*, ~~strike~~, `code`, [links](https://…), bare
 * https:// links, backslash escapes and the character references &lt; &gt; &amp; &quot; &#39; &#NN; &#xNN;.
 * Links are made only for http(s) URLs and open in a new tab without an opener.
 */
(function (global) {
  'use strict';

  const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
  const NAMED = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

  function render(markdown) {
    const fragment = document.createDocumentFragment();
    const lines = String(markdown == null ? '' : markdown).replace(/\r\n?/g, '\n').split('\n');
    let i = 0;
    while (i < lines.length) {
      const line = lines[i];
      if (/^\s*$/.test(line)) {
        i++;
      } else if (/^\s*```/.test(line)) {
        const code = [];
        i++;
        while (i < lines.length && !/^\s*```/.test(lines[i])) {
          code.push(lines[i++]);
        }
        i++;
        const pre = document.createElement('pre');
        const element = document.createElement('code');
        element.textContent = code.join('\n');
        pre.appendChild(element);
        fragment.appendChild(pre);
      } else if (/^\s{0,3}#{1,6}\s+/.test(line)) {
        const level = line.trim().match(/^#+/)[0].length;
        const heading = document.createElement(level <= 3 ? 'h4' : 'h5');
        inline(line.trim().replace(/^#+\s+/, '').replace(/\s+#+\s*$/, ''), heading);
        fragment.appendChild(heading);
        i++;
      } else if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
        fragment.appendChild(document.createElement('hr'));
        i++;
      } else if (/^\s*[-*+]\s+/.test(line) || /^\s*\d{1,9}[.)]\s+/.test(line)) {
        i = list(lines, i, fragment);
      } else if (/^\s{0,3}>/.test(line)) {
        const quoted = [];
        while (i < lines.length && /^\s{0,3}>/.test(lines[i])) {
          quoted.push(lines[i++].replace(/^\s{0,3}>\s?/, ''));
        }
        const quote = document.createElement('blockquote');
        quote.appendChild(render(quoted.join('\n')));
        fragment.appendChild(quote);
      } else if (isTableStart(lines, i)) {
        i = table(lines, i, fragment);
      } else {
        const text = [];
        while (i < lines.length && !/^\s*$/.test(lines[i]) && !startsBlock(lines, i)) {
          text.push(lines[i++]);
        }
        const paragraph = document.createElement('p');
        text.forEach((part, n) => {
          if (n > 0) {
            if (/ {2,}$|\\$/.test(text[n - 1])) {
              paragraph.appendChild(document.createElement('br'));
            } else {
              paragraph.appendChild(document.createTextNode(' '));
            }
          }
          inline(part.replace(/ {2,}$|\\$/, '').trim(), paragraph);
        });
        fragment.appendChild(paragraph);
      }
    }
    return fragment;
  }

  function startsBlock(lines, i) {
    const line = lines[i];
    return /^\s*```/.test(line) || /^\s{0,3}#{1,6}\s+/.test(line) || /^\s*[-*+]\s+/.test(line)
      || /^\s*\d{1,9}[.)]\s+/.test(line) || /^\s{0,3}>/.test(line) || isTableStart(lines, i);
  }

  function list(lines, start, parent) {
    const ordered = /^\s*\d/.test(lines[start]);
    const element = document.createElement(ordered ? 'ol' : 'ul');
    const marker = ordered ? /^\s*(\d{1,9})[.)]\s+/ : /^\s*[-*+]\s+/;
    if (ordered) {
      const first = parseInt(lines[start].match(marker)[1], 10);
      if (first !== 1) {
        element.setAttribute('start', String(first));
      }
    }
    let i = start;
    let item = null;
    while (i < lines.length) {
      const line = lines[i];
      if (marker.test(line)) {
        item = document.createElement('li');
        inline(line.replace(marker, '').trim(), item);
        element.appendChild(item);
        i++;
      } else if (item && /^\s{2,}\S/.test(line) && !startsBlock(lines, i)) {
        item.appendChild(document.createTextNode(' '));
        inline(line.trim(), item);
        i++;
      } else {
        break;
      }
    }
    parent.appendChild(element);
    return i;
  }

  function cells(line) {
    let row = line.trim();
    if (row.startsWith('|')) row = row.slice(1);
    if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
    const out = [];
    let cell = '';
    for (let k = 0; k < row.length; k++) {
      if (row[k] === '\\' && row[k + 1] === '|') {
        cell += '\\|';
        k++;
      } else if (row[k] === '|') {
        out.push(cell.trim());
        cell = '';
      } else {
        cell += row[k];
      }
    }
    out.push(cell.trim());
    return out;
  }

  function isTableStart(lines, i) {
    return i + 1 < lines.length && lines[i].includes('|')
      && /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(lines[i + 1]);
  }

  function table(lines, start, parent) {
    const element = document.createElement('table');
    const head = element.createTHead().insertRow();
    cells(lines[start]).forEach(text => {
      const th = document.createElement('th');
      th.setAttribute('scope', 'col');
      inline(text, th);
      head.appendChild(th);
    });
    const body = element.createTBody();
    let i = start + 2;
    while (i < lines.length && lines[i].includes('|') && !/^\s*$/.test(lines[i])) {
      const row = body.insertRow();
      cells(lines[i++]).forEach(text => inline(text, row.insertCell()));
    }
    parent.appendChild(element);
    return i;
  }

  /** Renders one line of inline Markdown into parent, as text nodes and a few safe elements. */
  function inline(text, parent) {
    let buffer = '';
    const flush = () => {
      if (buffer) {
        autolink(buffer, parent);
        buffer = '';
      }
    };
    let i = 0;
    while (i < text.length) {
      const c = text[i];
      if (c === '\\' && i + 1 < text.length && PUNCTUATION.includes(text[i + 1])) {
        buffer += text[i + 1];
        i += 2;
      } else if (c === '&') {
        const reference = text.slice(i).match(/^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/);
        const decoded = reference && decode(reference[1]);
        if (decoded != null) {
          buffer += decoded;
          i += reference[0].length;
        } else {
          buffer += c;
          i++;
        }
      } else if (c === '`') {
        const run = text.slice(i).match(/^`+/)[0];
        const close = text.indexOf(run, i + run.length);
        if (close < 0) {
          buffer += run;
          i += run.length;
        } else {
          flush();
          const code = document.createElement('code');
          code.textContent = text.slice(i + run.length, close).trim();
          parent.appendChild(code);
          i = close + run.length;
        }
      } else if ((c === '*' || c === '_' || c === '~') && text[i + 1] === c) {
        const close = findClose(text, i + 2, c + c);
        if (close < 0 || (c === '_' && /\w/.test(text[i - 1] || ''))) {
          buffer += c + c;
          i += 2;
        } else {
          flush();
          const element = document.createElement(c === '~' ? 'del' : 'strong');
          inline(text.slice(i + 2, close), element);
          parent.appendChild(element);
          i = close + 2;
        }
      } else if ((c === '*' || c === '_') && text[i + 1] && !/\s/.test(text[i + 1])) {
        const close = findClose(text, i + 1, c);
        if (close < 0 || (c === '_' && (/\w/.test(text[i - 1] || '') || /\w/.test(text[close + 1] || '')))) {
          buffer += c;
          i++;
        } else {
          flush();
          const em = document.createElement('em');
          inline(text.slice(i + 1, close), em);
          parent.appendChild(em);
          i = close + 1;
        }
      } else if (c === '[') {
        const link = text.slice(i).match(/^\[((?:\\.|[^\\\]])*)\]\(\s*([^\s()]*)(?:\s+"[^"]*")?\s*\)/);
        if (link) {
          flush();
          appendLink(parent, link[2], label => inline(link[1], label));
          i += link[0].length;
        } else {
          buffer += c;
          i++;
        }
      } else {
        buffer += c;
        i++;
      }
    }
    flush();
  }

  /** The index of the closing delimiter, skipping escapes and code spans; -1 if none. */
  function findClose(text, from, delimiter) {
    for (let k = from; k < text.length; k++) {
      if (text[k] === '\\') {
        k++;
      } else if (text[k] === '`') {
        const run = text.slice(k).match(/^`+/)[0];
        const close = text.indexOf(run, k + run.length);
        if (close > 0) k = close + run.length - 1;
      } else if (text.startsWith(delimiter, k) && k > from && !/\s/.test(text[k - 1])
        && (delimiter.length === 2 || text[k + 1] !== delimiter)) {
        return k;
      }
    }
    return -1;
  }

  function decode(reference) {
    if (reference[0] === '#') {
      const code = reference[1] === 'x' || reference[1] === 'X'
        ? parseInt(reference.slice(2), 16) : parseInt(reference.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : null;
    }
    return Object.prototype.hasOwnProperty.call(NAMED, reference) ? NAMED[reference] : null;
  }

  /** Plain text with bare https:// URLs made into links. */
  function autolink(text, parent) {
    const pattern = /\bhttps?:\/\/[^\s<>"]+/g;
    let last = 0;
    let match;
    while ((match = pattern.exec(text)) !== null) {
      const url = match[0].replace(/[.,;:!?)\]]+$/, '');
      parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      appendLink(parent, url, label => label.appendChild(document.createTextNode(url)));
      last = match.index + url.length;
      pattern.lastIndex = last;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  /** Only http(s) URLs become links; anything else (javascript:, data:, relative) stays text. */
  function safeUrl(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function appendLink(parent, url, fillLabel) {
    const href = safeUrl(url);
    const element = document.createElement(href ? 'a' : 'span');
    if (href) {
      element.href = href;
      element.target = '_blank';
      element.rel = 'noopener noreferrer';
    }
    fillLabel(element);
    parent.appendChild(element);
  }

  global.SafeMarkdown = { render: render, safeUrl: safeUrl };
})(window);
