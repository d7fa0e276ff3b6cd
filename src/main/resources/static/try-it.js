/*
 * The try-it page: a small EHR for the fixture patients. It reads patients from this server's /fhir, fires real
 * CDS Hooks calls (patient-view on opening a chart, order-select on picking a drug, order-sign on Sign), shows the
 * cards as an EHR would and posts feedback. Every CDS call is logged with its exact request and response.
 * Card text is rendered by SafeMarkdown (markdown.js); nothing from a response is ever assigned as HTML.
 */
(function () {
  'use strict';

  const FHIR_BASE = location.origin + '/fhir';
  const DEFAULT_USER = 'Practitioner/try-it-demo';
  const INDICATORS = { critical: 'Critical', warning: 'Warning', info: 'Info' };
  const ORDER_HOOKS = ['order-select', 'order-sign'];

  const state = {
    services: [],
    fixtures: new Map(),
    orderables: [],
    patients: [],
    problems: {},
    patient: null,
    drafts: [],
    draftCount: 0,
    callCount: 0,
    busy: 0
  };

  const $ = id => document.getElementById(id);

  /** An element with attributes and children (strings become text nodes, never HTML). */
  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === null || value === undefined || value === false) return;
      if (name === 'className') element.className = value;
      else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
      else element.setAttribute(name, value === true ? '' : String(value));
    });
    children.flat().forEach(child => {
      if (child === null || child === undefined || child === false) return;
      element.appendChild(typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child)) : child);
    });
    return element;
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  function pretty(value) {
    return JSON.stringify(value, null, 2);
  }

  function setStatus(text, isError) {
    const status = $('status');
    status.textContent = text || '';
    status.className = isError ? 'status status-error' : 'status';
  }

  function busy(delta) {
    state.busy += delta;
    document.body.setAttribute('aria-busy', state.busy > 0 ? 'true' : 'false');
    document.body.dataset.busy = String(state.busy);
  }

  // ---- HTTP ----

  /** A call to the CDS service, logged in the Calls panel with its exact request and response. */
  async function cdsCall(method, path, body) {
    const started = performance.now();
    const headers = { Accept: 'application/json' };
    const requestText = body === undefined ? null : JSON.stringify(body);
    if (requestText !== null) headers['Content-Type'] = 'application/json';
    busy(1);
    let status = 0;
    let responseText = '';
    try {
      const response = await fetch(path, { method, headers, body: requestText });
      status = response.status;
      responseText = await response.text();
    } catch (e) {
      responseText = String(e);
    } finally {
      busy(-1);
    }
    const ms = Math.round(performance.now() - started);
    let json = null;
    try {
      json = responseText ? JSON.parse(responseText) : null;
    } catch (e) {
      json = null;
    }
    logCall({ method, path, headers, body, status, responseText, json, ms });
    return { status, json, text: responseText };
  }

  /** A FHIR read or search against this server's /fhir, as the EHR's own data access (not logged as a CDS call). */
  async function fhirGet(relative) {
    const response = await fetch(FHIR_BASE + '/' + relative, { headers: { Accept: 'application/fhir+json' } });
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      json = null;
    }
    return { status: response.status, json };
  }

  /** Every page of a search, as one searchset Bundle (the EHR sends complete prefetch). */
  async function fhirSearchAll(relative) {
    const first = await fhirGet(relative);
    if (first.status !== 200 || !first.json) return first;
    const bundle = first.json;
    let next = nextLink(bundle);
    let pages = 1;
    while (next && pages < 20 && next.startsWith(FHIR_BASE + '/')) {
      const page = await fhirGet(next.slice(FHIR_BASE.length + 1));
      if (page.status !== 200 || !page.json) return page;
      bundle.entry = (bundle.entry || []).concat(page.json.entry || []);
      next = nextLink(page.json);
      pages++;
    }
    if (bundle.link) {
      bundle.link = bundle.link.filter(link => link.relation !== 'next');
      if (!bundle.link.length) delete bundle.link;
    }
    return first;
  }

  function nextLink(bundle) {
    const link = (bundle.link || []).find(l => l.relation === 'next');
    return link ? link.url : null;
  }

  function resources(bundle) {
    return ((bundle && bundle.entry) || []).map(e => e.resource).filter(Boolean);
  }

  // ---- Calls panel ----

  function logCall(call) {
    state.callCount++;
    const ok = call.status >= 200 && call.status < 300;
    const requestBlock = [call.method + ' ' + location.origin + call.path,
      ...Object.entries(call.headers).map(([k, v]) => k + ': ' + v)].join('\n')
      + (call.body === undefined ? '' : '\n\n' + pretty(call.body));
    const responseBlock = 'HTTP ' + (call.status || 'network error')
      + (call.responseText ? '\n\n' + (call.json !== null ? pretty(call.json) : call.responseText) : '');
    const entry = el('li', { className: 'call', 'data-call': state.callCount },
      el('details', { open: true },
        el('summary', {},
          el('span', { className: 'call-status ' + (ok ? 'call-ok' : 'call-failed') }, String(call.status || 'ERR')),
          ' ', call.method, ' ', call.path,
          el('span', { className: 'call-time' }, ' ' + call.ms + ' ms')),
        el('h3', { className: 'call-part' }, 'Request'),
        el('pre', { className: 'json call-request', tabindex: '0' }, requestBlock),
        el('h3', { className: 'call-part' }, 'Response'),
        el('pre', { className: 'json call-response', tabindex: '0' }, responseBlock)));
    const log = $('call-log');
    Array.from(log.querySelectorAll('details[open]')).forEach(d => { d.open = false; });
    log.insertBefore(entry, log.firstChild);
  }

  // ---- Start ----

  async function start() {
    document.querySelectorAll('input[name="mode"]').forEach(r => r.addEventListener('change', () => {
      $('mode-note').textContent = mode() === 'fetch'
        ? 'Hooks carry fhirServer = ' + FHIR_BASE + ' and no prefetch: the service queries that FHIR server itself.'
        : 'The page reads every prefetch template from ' + FHIR_BASE + ' and sends the data as prefetch.';
    }));
    $('order-drug').addEventListener('change', pickDrug);
    $('sign').addEventListener('click', sign);
    $('scenario-drafts').addEventListener('click', loadScenarioDrafts);
    $('clear-calls').addEventListener('click', () => { $('call-log').textContent = ''; });
    $('mode-note').textContent = 'The page reads every prefetch template from ' + FHIR_BASE + ' and sends the data as prefetch.';

    setStatus('Loading services and patients…');
    try {
      const discovery = await cdsCall('GET', '/cds-services');
      if (discovery.status !== 200 || !discovery.json) throw new Error('Discovery failed (HTTP ' + discovery.status + ')');
      state.services = discovery.json.services || [];
      const [fixtures, orderables, patients, conditions] = await Promise.all([
        fetch('/demo/fixtures').then(r => r.json()),
        fetch('/demo/orderables').then(r => r.json()),
        fhirSearchAll('Patient?_count=1000'),
        fhirSearchAll('Condition?_count=1000')]);
      fixtures.forEach(f => state.fixtures.set(f.patientId, f));
      state.orderables = orderables;
      state.patients = resources(patients.json).sort((a, b) => a.id.localeCompare(b.id));
      resources(conditions.json).forEach(c => {
        const subject = c.subject && c.subject.reference;
        if (subject && !retracted(c)) {
          (state.problems[subject] = state.problems[subject] || []).push(concept(c.code) || 'Unnamed condition');
        }
      });
      renderOrderables();
      renderPatientList();
      setStatus(state.patients.length + ' patients, ' + state.services.length + ' CDS services. Choose a patient.');
    } catch (e) {
      setStatus('Could not start: ' + e.message, true);
    }
  }

  function mode() {
    const checked = document.querySelector('input[name="mode"]:checked');
    return checked ? checked.value : 'prefetch';
  }

  // ---- Patients ----

  function patientName(patient) {
    const name = (patient.name || [])[0];
    if (!name) return patient.id;
    if (name.text) return name.text;
    return [...(name.prefix || []), ...(name.given || []), name.family].filter(Boolean).join(' ');
  }

  function age(birthDate) {
    if (!birthDate) return null;
    const born = new Date(birthDate);
    const now = new Date();
    let years = now.getFullYear() - born.getFullYear();
    const beforeBirthday = now.getMonth() < born.getMonth()
      || (now.getMonth() === born.getMonth() && now.getDate() < born.getDate());
    return beforeBirthday ? years - 1 : years;
  }

  function demographics(patient) {
    const years = age(patient.birthDate);
    return [years === null ? null : years + ' y', patient.gender].filter(Boolean).join(' · ');
  }

  function renderPatientList() {
    const list = $('patient-list');
    list.textContent = '';
    state.patients.forEach(patient => {
      list.appendChild(el('li', {},
        el('button', {
          type: 'button', className: 'patient-button', 'data-patient-id': patient.id, 'aria-pressed': 'false',
          onclick: () => selectPatient(patient)
        },
        el('span', { className: 'patient-name' }, patientName(patient)),
        el('span', { className: 'patient-meta' }, demographics(patient)),
        keyProblems(patient),
        el('span', { className: 'patient-id' }, patient.id))));
    });
  }

  /** The patient's first recorded problems, for the list (entered-in-error and refuted ones left out). */
  function keyProblems(patient) {
    const problems = state.problems['Patient/' + patient.id] || [];
    if (!problems.length) return null;
    const more = problems.length > 2 ? ' +' + (problems.length - 2) + ' more' : '';
    return el('span', { className: 'patient-problems' }, problems.slice(0, 2).join('; ') + more);
  }

  async function selectPatient(patient) {
    state.patient = patient;
    state.drafts = [];
    document.querySelectorAll('.patient-button').forEach(b =>
      b.setAttribute('aria-pressed', b.dataset.patientId === patient.id ? 'true' : 'false'));
    ['cards-patient-view', 'cards-order'].forEach(id => {
      $(id).textContent = '';
      delete $(id).dataset.hook;
    });
    renderDrafts();
    const fixture = state.fixtures.get(patient.id);
    $('scenario-drafts').hidden = !(fixture && fixture.draftOrders);
    $('order-drug').disabled = false;
    busy(1);
    try {
      setStatus('Opening the chart of ' + patientName(patient) + '…');
      await renderSummary(patient);
      await runHook('patient-view', {});
      setStatus('Chart of ' + patientName(patient) + ' open.');
    } catch (e) {
      setStatus('Could not open the chart: ' + e.message, true);
    } finally {
      busy(-1);
    }
  }

  async function renderSummary(patient) {
    const id = encodeURIComponent(patient.id);
    const [conditions, statements, requests] = await Promise.all([
      fhirSearchAll('Condition?patient=' + id),
      fhirSearchAll('MedicationStatement?patient=' + id + '&_include=MedicationStatement:medication'),
      fhirSearchAll('MedicationRequest?patient=' + id + '&_include=MedicationRequest:medication')]);
    const included = new Map();
    [...resources(statements.json), ...resources(requests.json)]
      .filter(r => r.resourceType === 'Medication').forEach(m => included.set('Medication/' + m.id, m));
    const fixture = state.fixtures.get(patient.id);

    const summary = $('patient-summary');
    summary.textContent = '';
    summary.appendChild(el('h3', { id: 'summary-name' }, patientName(patient)));
    summary.appendChild(el('p', { className: 'summary-meta' },
      [demographics(patient), patient.birthDate ? 'born ' + patient.birthDate : null, 'id ' + patient.id]
        .filter(Boolean).join(' · ')));

    summary.appendChild(el('h4', {}, 'Problems'));
    const problems = resources(conditions.json).filter(r => r.resourceType === 'Condition');
    summary.appendChild(problems.length ? el('ul', { className: 'problems' }, problems.map(problem)) : el('p', {}, 'None recorded.'));

    summary.appendChild(el('h4', {}, 'Therapy history'));
    const therapies = [...resources(statements.json), ...resources(requests.json)]
      .filter(r => r.resourceType === 'MedicationStatement' || r.resourceType === 'MedicationRequest')
      .map(r => ({ resource: r, name: medicationName(r, included), when: medicationWhen(r) }))
      .sort((a, b) => (b.when.sort || '').localeCompare(a.when.sort || ''));
    summary.appendChild(therapies.length ? el('table', { className: 'therapies' },
      el('caption', { className: 'visually-hidden' }, 'Medications in the record, newest first'),
      el('thead', {}, el('tr', {}, ['Medication', 'Status', 'When', 'Recorded as'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, therapies.map(t => el('tr', { className: 'status-' + (t.resource.status || 'unknown') },
        el('td', {}, t.name),
        el('td', {}, t.resource.status || '—'),
        el('td', {}, t.when.text || '—'),
        el('td', {}, t.resource.resourceType)))))
      : el('p', {}, 'None recorded.'));

    if (fixture && fixture.scenario) {
      summary.appendChild(el('details', { className: 'scenario' },
        el('summary', {}, 'Scenario notes (test fixture ' + fixture.id + ')'),
        el('pre', {}, fixture.scenario)));
    }
  }

  function concept(codeable) {
    if (!codeable) return null;
    if (codeable.text) return codeable.text;
    const coding = (codeable.coding || []).find(c => c.display) || (codeable.coding || [])[0];
    return coding ? (coding.display || coding.code) : null;
  }

  function codingCode(codeable) {
    return codeable && codeable.coding && codeable.coding[0] ? codeable.coding[0].code : null;
  }

  function retracted(condition) {
    const verification = codingCode(condition.verificationStatus);
    return verification === 'entered-in-error' || verification === 'refuted';
  }

  function problem(condition) {
    const verification = codingCode(condition.verificationStatus);
    const clinical = codingCode(condition.clinicalStatus);
    const notes = [clinical, verification && verification !== 'confirmed' ? verification : null,
      condition.onsetDateTime ? 'since ' + condition.onsetDateTime.slice(0, 10) : null].filter(Boolean);
    return el('li', { className: retracted(condition) ? 'retracted' : null },
      el('span', { className: 'problem-name' }, concept(condition.code) || 'Unnamed condition'),
      notes.length ? el('span', { className: 'problem-notes' }, ' — ' + notes.join(', ')) : null);
  }

  function medicationName(resource, included) {
    if (resource.medicationCodeableConcept) return concept(resource.medicationCodeableConcept) || 'Unnamed medication';
    const reference = resource.medicationReference && resource.medicationReference.reference;
    if (!reference) return (resource.medicationReference && resource.medicationReference.display) || 'Unnamed medication';
    if (reference.startsWith('#')) {
      const contained = (resource.contained || []).find(c => c.id === reference.slice(1));
      if (contained) return concept(contained.code) || reference;
    }
    const medication = included.get(reference);
    return (medication && concept(medication.code)) || resource.medicationReference.display || reference;
  }

  function medicationWhen(resource) {
    const period = resource.effectivePeriod;
    if (period && (period.start || period.end)) {
      return { text: (period.start || '?').slice(0, 10) + ' – ' + (period.end ? period.end.slice(0, 10) : 'ongoing'), sort: period.start || period.end };
    }
    const date = resource.effectiveDateTime || resource.authoredOn || resource.dateAsserted;
    return { text: date ? date.slice(0, 10) : null, sort: date };
  }

  // ---- Orders ----

  function renderOrderables() {
    const select = $('order-drug');
    state.orderables.forEach((o, index) => select.appendChild(el('option', { value: String(index) }, o.name)));
  }

  function pickDrug() {
    const select = $('order-drug');
    if (select.value === '' || !state.patient) return;
    const orderable = state.orderables[Number(select.value)];
    select.value = '';
    const dose = $('order-dose').value.trim() || 'Dose per protocol (demo order)';
    const draft = {
      resourceType: 'MedicationRequest',
      id: 'try-it-draft-' + (++state.draftCount),
      status: 'draft',
      intent: 'order',
      medicationCodeableConcept: {
        coding: [{ system: orderable.system, code: orderable.code, display: orderable.display || orderable.name }],
        text: orderable.name
      },
      subject: { reference: 'Patient/' + state.patient.id },
      authoredOn: new Date().toISOString().slice(0, 10),
      dosageInstruction: [{ text: dose }]
    };
    state.drafts.push(draft);
    renderDrafts();
    orderHook('order-select', ['MedicationRequest/' + draft.id]);
  }

  function loadScenarioDrafts() {
    const fixture = state.patient && state.fixtures.get(state.patient.id);
    if (!fixture || !fixture.draftOrders) return;
    const drafts = resources(fixture.draftOrders);
    const known = new Set(state.drafts.map(d => d.id));
    drafts.filter(d => !known.has(d.id)).forEach(d => state.drafts.push(JSON.parse(JSON.stringify(d))));
    renderDrafts();
    orderHook('order-select', fixture.selections || drafts.map(d => d.resourceType + '/' + d.id));
  }

  function renderDrafts() {
    const list = $('draft-list');
    list.textContent = '';
    state.drafts.forEach(draft => {
      const name = concept(draft.medicationCodeableConcept) || draft.id;
      const dose = (draft.dosageInstruction || [])[0];
      list.appendChild(el('li', { className: 'draft', 'data-draft-id': draft.id },
        el('span', { className: 'draft-name' }, name),
        dose && dose.text ? el('span', { className: 'draft-dose' }, ' — ' + dose.text) : null,
        el('button', {
          type: 'button', className: 'link-button', 'aria-label': 'Remove the draft order ' + name,
          onclick: () => { state.drafts = state.drafts.filter(d => d !== draft); renderDrafts(); }
        }, 'Remove')));
    });
    $('draft-empty').hidden = state.drafts.length > 0;
    $('sign').disabled = state.drafts.length === 0;
  }

  function draftBundle() {
    return { resourceType: 'Bundle', type: 'collection', entry: state.drafts.map(resource => ({ resource })) };
  }

  async function orderHook(hook, selections) {
    const context = { draftOrders: draftBundle() };
    if (hook === 'order-select') context.selections = selections;
    busy(1);
    try {
      await runHook(hook, context);
    } catch (e) {
      setStatus(hook + ' failed: ' + e.message, true);
    } finally {
      busy(-1);
    }
  }

  function sign() {
    if (state.drafts.length) orderHook('order-sign');
  }

  // ---- Hooks ----

  async function runHook(hook, extraContext) {
    const patient = state.patient;
    const fixture = state.fixtures.get(patient.id);
    const target = hook === 'patient-view' ? $('cards-patient-view') : $('cards-order');
    const services = state.services.filter(s => s.hook === hook);
    const results = [];
    for (const service of services) {
      const context = Object.assign({ userId: (fixture && fixture.userId) || DEFAULT_USER, patientId: patient.id }, extraContext);
      const request = { hookInstance: uuid(), hook, context };
      if (mode() === 'fetch') {
        request.fhirServer = FHIR_BASE;
      } else {
        request.prefetch = await prefetch(service.prefetch || {}, context);
      }
      const response = await cdsCall('POST', '/cds-services/' + encodeURIComponent(service.id), request);
      results.push({ service, request, response });
    }
    if (state.patient !== patient) return;
    target.textContent = '';
    target.dataset.hook = hook;
    target.appendChild(el('p', { className: 'cards-origin' },
      'From ' + hook + (mode() === 'fetch' ? ' (the service fetched the record)' : ' (prefetch sent)') + ' at '
      + new Date().toLocaleTimeString()));
    let cards = 0;
    results.forEach(({ service, response }) => {
      if (response.status !== 200 || !response.json) {
        target.appendChild(el('div', { className: 'call-error', role: 'alert' },
          el('strong', {}, service.id + ' answered HTTP ' + response.status + ': '), diagnostics(response)));
        return;
      }
      (response.json.cards || []).forEach(card => {
        cards++;
        target.appendChild(renderCard(card, service));
      });
    });
    if (cards === 0 && results.every(r => r.response.status === 200)) {
      target.appendChild(el('p', { className: 'no-cards' }, 'No cards: the service has nothing to say here.'));
    }
  }

  function diagnostics(response) {
    const issues = response.json && response.json.issue;
    if (issues && issues.length) return issues.map(i => i.diagnostics || i.code).join('; ');
    return response.text ? response.text.slice(0, 300) : 'no answer';
  }

  /** Prefetch as an EHR fills it: each template rendered and read from /fhir; 404 means "no data" (null). */
  async function prefetch(templates, context) {
    const out = {};
    for (const [key, template] of Object.entries(templates)) {
      const query = render(template, context);
      if (query === null) continue;
      const answer = await fhirSearchAll(query);
      if (answer.status === 200) {
        out[key] = answer.json;
      } else if (answer.status === 404) {
        out[key] = null;
      } else {
        // Left out of the prefetch; shown in the Calls panel so the failure is not silent.
        logCall({ method: 'GET', path: '/fhir/' + query, headers: { Accept: 'application/fhir+json' }, status: answer.status,
          responseText: answer.json ? JSON.stringify(answer.json) : '', json: answer.json, ms: 0 });
      }
    }
    return out;
  }

  function render(template, context) {
    let unresolved = false;
    const query = template.replace(/\{\{\s*context\.(\w+)\s*\}\}/g, (match, name) => {
      const value = context[name];
      if (typeof value !== 'string') {
        unresolved = true;
        return '';
      }
      return /^[A-Za-z0-9\-.]+(\/[A-Za-z0-9\-.]+)?$/.test(value) ? value : encodeURIComponent(value);
    });
    return unresolved || /\{\{/.test(query) ? null : queryEncoded(query);
  }

  /** Percent-encodes what may not stand in a URL as is (such as the | of system|code tokens); keeps %XX escapes. */
  function queryEncoded(query) {
    return query.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:\/?#@!$&'()*+,;=%]/g, c => encodeURIComponent(c));
  }

  // ---- Cards ----

  function renderCard(card, service) {
    const indicator = INDICATORS[card.indicator] ? card.indicator : 'info';
    const headingId = 'card-' + (card.uuid || uuid());
    const article = el('article', {
      className: 'cds-card cds-card-' + indicator, 'aria-labelledby': headingId,
      'data-indicator': indicator, 'data-uuid': card.uuid || '',
      'data-rule': (card.source && card.source.topic && card.source.topic.code) || ''
    });
    article.appendChild(el('div', { className: 'card-head' },
      el('span', { className: 'indicator indicator-' + indicator }, INDICATORS[indicator]),
      el('h4', { id: headingId, className: 'card-summary' }, card.summary || '(no summary)')));
    if (card.detail) {
      const detail = el('div', { className: 'card-detail' });
      detail.appendChild(SafeMarkdown.render(card.detail));
      article.appendChild(detail);
    }
    if (card.source) {
      const url = card.source.url && SafeMarkdown.safeUrl(card.source.url);
      article.appendChild(el('p', { className: 'card-source' }, 'Source: ',
        url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, card.source.label || url)
          : (card.source.label || ''),
        card.source.topic && card.source.topic.code ? el('span', { className: 'card-rule' }, ' · rule ' + card.source.topic.code) : null,
        ' · service ' + service.id));
    }
    if (card.links && card.links.length) {
      article.appendChild(el('ul', { className: 'card-links', 'aria-label': 'Links' }, card.links.map(link => {
        const url = SafeMarkdown.safeUrl(link.url);
        if (link.type === 'smart') {
          return el('li', {}, link.label + ' (a SMART app: not launched by this demo)');
        }
        return el('li', {}, url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, link.label) : link.label);
      })));
    }
    const outcome = el('div', { className: 'card-outcome', role: 'status' });
    const controls = el('div', { className: 'card-controls' });
    (card.suggestions || []).forEach(suggestion => {
      controls.appendChild(el('button', {
        type: 'button', className: 'suggestion' + (suggestion.isRecommended ? ' recommended' : ''),
        'data-suggestion': suggestion.uuid || '',
        onclick: () => accept(card, suggestion, service, article, outcome)
      }, suggestion.label || 'Accept', suggestion.isRecommended ? el('span', { className: 'badge' }, 'recommended') : null));
    });
    const reasons = card.overrideReasons || [];
    const reasonId = headingId + '-reason';
    const commentId = headingId + '-comment';
    const dismiss = el('div', { className: 'dismiss' },
      reasons.length ? el('label', { for: reasonId }, 'Reason') : null,
      reasons.length ? el('select', { id: reasonId, className: 'override-reason' },
        el('option', { value: '' }, 'Choose a reason…'),
        reasons.map((r, i) => el('option', { value: String(i) }, r.display || r.code))) : null,
      el('label', { for: commentId }, 'Comment'),
      el('input', { id: commentId, type: 'text', className: 'override-comment', maxlength: '500' }),
      el('button', {
        type: 'button', className: 'dismiss-button',
        onclick: () => {
          const select = article.querySelector('.override-reason');
          const reason = select && select.value !== '' ? reasons[Number(select.value)] : null;
          if (reasons.length && !reason) {
            outcome.textContent = 'Choose a reason to dismiss this card.';
            select.focus();
            return;
          }
          dismissCard(card, reason, article.querySelector('.override-comment').value.trim(), service, article, outcome);
        }
      }, 'Dismiss'));
    controls.appendChild(dismiss);
    article.appendChild(controls);
    article.appendChild(outcome);
    return article;
  }

  async function accept(card, suggestion, service, article, outcome) {
    disable(article);
    article.dataset.outcome = 'accepted';
    const actions = suggestion.actions || [];
    applyActions(actions);
    outcome.textContent = '';
    outcome.appendChild(el('p', {}, el('strong', {}, 'Accepted: '), suggestion.label || ''));
    outcome.appendChild(el('p', {}, actions.length ? 'The FHIR action' + (actions.length > 1 ? 's' : '') + ' it carries (applied to the draft orders):'
      : 'It carries no action.'));
    if (actions.length) outcome.appendChild(el('pre', { className: 'json suggestion-actions', tabindex: '0' }, pretty(actions)));
    if (!card.uuid || !suggestion.uuid) {
      outcome.appendChild(el('p', {}, 'No feedback sent: the card or suggestion has no uuid.'));
      return;
    }
    const answer = await feedback(service, {
      card: card.uuid, outcome: 'accepted', acceptedSuggestions: [{ id: suggestion.uuid }],
      outcomeTimestamp: new Date().toISOString()
    });
    outcome.appendChild(feedbackNote(answer, article));
  }

  async function dismissCard(card, reason, comment, service, article, outcome) {
    disable(article);
    article.dataset.outcome = 'overridden';
    outcome.textContent = '';
    outcome.appendChild(el('p', {}, el('strong', {}, 'Dismissed'),
      reason ? ': ' + (reason.display || reason.code) : '', comment ? ' (“' + comment + '”)' : ''));
    if (!card.uuid) {
      outcome.appendChild(el('p', {}, 'No feedback sent: the card has no uuid.'));
      return;
    }
    const item = { card: card.uuid, outcome: 'overridden', outcomeTimestamp: new Date().toISOString() };
    if (reason || comment) {
      item.overrideReason = {};
      if (reason) item.overrideReason.reason = { code: reason.code, system: reason.system, display: reason.display };
      if (comment) item.overrideReason.userComment = comment;
    }
    const answer = await feedback(service, item);
    outcome.appendChild(feedbackNote(answer, article));
  }

  function feedback(service, item) {
    return cdsCall('POST', '/cds-services/' + encodeURIComponent(service.id) + '/feedback', { feedback: [item] });
  }

  function feedbackNote(answer, article) {
    const ok = answer.status === 200;
    article.dataset.feedback = ok ? 'sent' : 'failed';
    return el('p', { className: ok ? 'feedback-ok' : 'feedback-failed' },
      ok ? 'Feedback sent (HTTP 200).' : 'Feedback failed: HTTP ' + answer.status + ' ' + diagnostics(answer));
  }

  function disable(article) {
    article.querySelectorAll('button, select, input').forEach(control => { control.disabled = true; });
  }

  /** Applies suggestion actions to the draft orders, as an EHR would: delete by resourceId, create, update. */
  function applyActions(actions) {
    actions.forEach(action => {
      if (action.type === 'delete' && action.resourceId) {
        state.drafts = state.drafts.filter(d => d.resourceType + '/' + d.id !== action.resourceId);
      } else if (action.type === 'create' && action.resource && action.resource.resourceType === 'MedicationRequest') {
        const draft = JSON.parse(JSON.stringify(action.resource));
        draft.id = draft.id || 'try-it-draft-' + (++state.draftCount);
        state.drafts.push(draft);
      } else if (action.type === 'update' && action.resource && action.resource.id) {
        state.drafts = state.drafts.map(d => d.resourceType === action.resource.resourceType && d.id === action.resource.id
          ? JSON.parse(JSON.stringify(action.resource)) : d);
      }
    });
    renderDrafts();
  }

  document.addEventListener('DOMContentLoaded', start);
})();
