// devo serve's page: a proposal built from councils chosen on a map or by
// name, sent to devo's HTTP API (/v1/) as it changes, and the answer shown
// in words. Everything devo decides comes from the API: this script only
// gathers the proposal, asks, and draws the answer. No framework; the
// council search is GOV.UK's accessible-autocomplete.
(function () {
  'use strict';

  // ---------------------------------------------------------------- state

  // What the user has chosen. `start` is the authority they began from; while
  // the councils and the form still match it, the answer is that authority's
  // own (what it holds, its mayor), not a proposal's.
  var state = {
    start: null,          // {code, name, kind, councils, institution, mayor}
    councils: [],         // GSS codes, in the order chosen
    reshapesOff: {},      // institution name -> true when the user unticked it
    name: '',             // the proposal's name, if typed
    institution: 'combined_authority',
    mayor: 'elected_mayor',
    mayorElected: '',     // the day of the first election (YYYY-MM-DD), if given
    rules: '',
    asOf: '',
    compare: '',
    facts: {},            // fact id -> {value, evidence}
    shown: null           // the suggestion shown on the map, by rank
  };

  // What devo said about each council: {name, kind, districts, memberOf}.
  var councilInfo = {};
  var factList = [];      // the rule set's facts (GET /v1/rulesets/{id}/facts)
  var lastAnswer = null;  // the last evaluation, for the JSON download
  var lastBody = null;    // the request body it answered
  var lastSuggestions = null;  // the groupings "What would it take?" found
  var requestNumber = 0;  // only the latest request's answer is drawn

  var $ = function (id) { return document.getElementById(id); };

  // ---------------------------------------------------------------- helpers

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) {
      if (key === 'text') {
        node.textContent = attributes[key];
      } else {
        node.setAttribute(key, attributes[key]);
      }
    });
    (children || []).forEach(function (child) {
      if (child) {
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function words(id) {
    return String(id).replace(/_/g, ' ').replace(/-/g, ' ');
  }

  function capitalised(text) {
    return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  }

  function getJson(url) {
    return fetch(url).then(function (response) {
      return response.json().then(function (body) {
        return {status: response.status, body: body};
      });
    });
  }

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(body)
    });
  }

  function postJson(url, body) {
    return post(url, body).then(function (response) {
      return response.json().then(function (answer) {
        return {status: response.status, body: answer};
      });
    });
  }

  function councilName(code) {
    return (councilInfo[code] && councilInfo[code].name) || code;
  }

  function listInWords(items) {
    if (items.length <= 1) {
      return items.join('');
    }
    return items.slice(0, -1).join(', ') + ' and ' + items[items.length - 1];
  }

  // ---------------------------------------------------------------- the request

  function sameCouncils(a, b) {
    if (a.length !== b.length) {
      return false;
    }
    var sorted = a.slice().sort();
    return b.slice().sort().every(function (code, i) { return code === sorted[i]; });
  }

  // Whether the answer is the starting authority's own: nothing changed yet.
  function isStartAsItIs() {
    var start = state.start;
    if (!start || !sameCouncils(start.councils, state.councils)) {
      return false;
    }
    var factsWithEvidence = Object.keys(state.facts).some(function (id) {
      return state.facts[id].value !== '' && state.facts[id].evidence;
    });
    return !factsWithEvidence && state.name === '' && state.mayorElected === '' &&
      (!start.institution || start.institution === state.institution) &&
      (!start.mayor || start.mayor === state.mayor);
  }

  function defaultName() {
    if (state.councils.length === 0) {
      return 'Proposal';
    }
    return 'Proposal: ' + listInWords(state.councils.map(councilName));
  }

  // The institutions the chosen councils are already in, each with them.
  function institutionsTouched() {
    var touched = {};
    state.councils.forEach(function (code) {
      ((councilInfo[code] && councilInfo[code].memberOf) || []).forEach(function (institution) {
        (touched[institution.name] = touched[institution.name] || []).push(councilName(code));
      });
    });
    if (state.start && state.start.kind === 'institution') {
      touched[state.start.name] = touched[state.start.name] || [];
    }
    return touched;
  }

  function reshapes() {
    return Object.keys(institutionsTouched()).filter(function (name) {
      return !state.reshapesOff[name];
    }).sort();
  }

  function factValue(fact, text) {
    if (fact.type === 'bool') {
      return text === 'true';
    }
    if (fact.type === 'integer') {
      return Number(text);
    }
    if (fact.type === 'codes') {
      return text.split(',').map(function (part) { return part.trim(); }).filter(Boolean);
    }
    return text;
  }

  function givenFacts() {
    return factList.filter(function (fact) {
      return state.facts[fact.id] && state.facts[fact.id].value !== '';
    });
  }

  // The proposal as the fields of a proposal file (schemas/proposal.schema.json).
  function proposal() {
    var written = {
      name: state.name || defaultName(),
      institution: state.institution,
      mayor: state.mayor,
      councils: state.councils.slice()
    };
    if (state.mayor !== 'none' && state.mayorElected) {
      written.mayor_first_elected = state.mayorElected;
    }
    var changed = reshapes();
    if (changed.length) {
      written.reshapes = changed;
    }
    var assertions = {};
    givenFacts().forEach(function (fact) {
      var given = state.facts[fact.id];
      if (given.evidence) {
        assertions[fact.id] = {value: factValue(fact, given.value), evidence: given.evidence};
      }
    });
    if (Object.keys(assertions).length) {
      written.assertions = assertions;
    }
    return written;
  }

  // The body of POST /v1/evaluate for the rules `rules`; null before there
  // is anything to ask about.
  function requestBody(rules) {
    if (state.councils.length === 0) {
      return null;
    }
    var body = isStartAsItIs()
      ? {authority: state.start.code || state.start.name}
      : {proposal: proposal()};
    if (rules) {
      body.rules = rules;
    }
    if (state.asOf) {
      body.as_of = state.asOf;
    }
    var assume = givenFacts().filter(function (fact) {
      return body.authority || !state.facts[fact.id].evidence;
    }).map(function (fact) {
      return fact.id + '=' + state.facts[fact.id].value;
    });
    if (assume.length) {
      body.assume = assume;
    }
    return body;
  }

  // ---------------------------------------------------------------- the link

  function shareQuery() {
    var query = new URLSearchParams();
    if (state.start) {
      query.set('start', state.start.code || state.start.name);
    }
    if (state.councils.length) {
      query.set('councils', state.councils.join(','));
    }
    if (state.name) {
      query.set('name', state.name);
    }
    query.set('institution', state.institution);
    query.set('mayor', state.mayor);
    if (state.mayor !== 'none' && state.mayorElected) {
      query.set('mayor_first_elected', state.mayorElected);
    }
    if (state.rules) {
      query.set('rules', state.rules);
    }
    if (state.asOf) {
      query.set('as_of', state.asOf);
    }
    if (state.compare) {
      query.set('compare', state.compare);
    }
    Object.keys(state.reshapesOff).sort().forEach(function (name) {
      query.append('not_reshaping', name);
    });
    Object.keys(state.facts).sort().forEach(function (id) {
      var given = state.facts[id];
      if (given.value !== '') {
        query.set('fact.' + id, given.value);
        if (given.evidence) {
          query.set('evidence.' + id, given.evidence);
        }
      }
    });
    return query.toString();
  }

  function updateLink() {
    var query = shareQuery();
    var url = location.origin + location.pathname + (query ? '?' + query : '');
    history.replaceState(null, '', url);
    $('share-link').value = url;
  }

  // ---------------------------------------------------------------- councils

  // Asks devo about a council once: its name, districts and institutions.
  function learnCouncil(code) {
    if (councilInfo[code] && councilInfo[code].districts) {
      return Promise.resolve(councilInfo[code]);
    }
    return postJson('/v1/evaluate', {authority: code}).then(function (answer) {
      if (answer.status !== 200) {
        return null;
      }
      var subject = answer.body.subject;
      councilInfo[code] = {
        name: subject.name,
        districts: subject.districts,
        memberOf: subject.member_of || []
      };
      return councilInfo[code];
    });
  }

  function addCouncil(code) {
    if (state.councils.indexOf(code) !== -1) {
      return;
    }
    state.councils.push(code);
    state.shown = null;
    changed();
    learnCouncil(code).then(changed);
  }

  function removeCouncil(code) {
    state.councils = state.councils.filter(function (chosen) { return chosen !== code; });
    state.shown = null;
    changed();
  }

  // Councils whose districts include `district` (a county council stands
  // for all of its districts).
  function councilHolding(district) {
    return state.councils.filter(function (code) {
      var info = councilInfo[code];
      return code === district || (info && info.districts && info.districts.indexOf(district) !== -1);
    });
  }

  function toggleDistrict(code, name) {
    var holding = councilHolding(code);
    if (holding.length) {
      holding.forEach(removeCouncil);
      announce(name + ' taken out of the proposal');
    } else {
      councilInfo[code] = councilInfo[code] || {name: name};
      addCouncil(code);
      announce(name + ' added to the proposal');
    }
  }

  function startFrom(found) {
    postJson('/v1/evaluate', {authority: found.code || found.name}).then(function (answer) {
      if (answer.status !== 200) {
        showProblems(answer.body);
        return;
      }
      var subject = answer.body.subject;
      var facts = answer.body.facts || {};
      state.start = {
        code: subject.code || '',
        name: subject.name,
        kind: found.kind,
        councils: subject.councils.slice(),
        institution: facts.institution,
        mayor: facts.mayor
      };
      state.councils = subject.councils.slice();
      state.reshapesOff = {};
      state.name = '';
      state.mayorElected = '';
      if ($('institution').querySelector('option[value="' + facts.institution + '"]')) {
        state.institution = facts.institution;
      }
      if ($('mayor').querySelector('option[value="' + facts.mayor + '"]')) {
        state.mayor = facts.mayor;
      }
      state.shown = null;
      subject.councils.forEach(function (code) { learnCouncil(code).then(changed); });
      changed();
      zoomToChosen();
    });
  }

  function renderChosen() {
    var list = $('chosen');
    list.innerHTML = '';
    state.councils.forEach(function (code) {
      var name = councilName(code);
      var button = element('button', {
        type: 'button',
        class: 'govuk-button govuk-button--warning devo-inline-button',
        'data-remove': code,
        text: 'Remove'
      }, [element('span', {class: 'govuk-visually-hidden', text: ' ' + name})]);
      button.addEventListener('click', function () {
        removeCouncil(code);
        announce(name + ' taken out of the proposal');
        $('council-search').focus();
      });
      list.appendChild(element('li', {class: 'devo-chosen__item', 'data-code': code}, [
        element('span', {class: 'devo-chosen__name', text: name + ' '}),
        element('span', {class: 'devo-code', text: code}),
        ' ',
        button
      ]));
    });
    $('chosen-empty').hidden = state.councils.length > 0;
  }

  function renderReshapes() {
    var touched = institutionsTouched();
    var names = Object.keys(touched).sort();
    var box = $('reshapes');
    box.innerHTML = '';
    names.forEach(function (name, i) {
      var id = 'reshape-' + i;
      var input = element('input', {class: 'govuk-checkboxes__input', id: id, type: 'checkbox', value: name});
      input.checked = !state.reshapesOff[name];
      input.addEventListener('change', function () {
        if (input.checked) {
          delete state.reshapesOff[name];
        } else {
          state.reshapesOff[name] = true;
        }
        changed();
      });
      var inIt = touched[name].length ? ' (' + listInWords(touched[name]) + ' in it)' : '';
      box.appendChild(element('div', {class: 'govuk-checkboxes__item'}, [
        input,
        element('label', {class: 'govuk-label govuk-checkboxes__label', for: id, text: name + inIt})
      ]));
    });
    $('reshapes-group').hidden = names.length === 0 || isStartAsItIs();
  }

  // ---------------------------------------------------------------- the facts form

  function loadFacts() {
    var rules = state.rules;
    return getJson('/v1/rulesets/' + encodeURIComponent(rules) + '/facts').then(function (answer) {
      if (answer.status !== 200 || rules !== state.rules) {
        return;
      }
      factList = answer.body.filter(function (fact) {
        return fact.source === 'given' && ['institution', 'mayor', 'mayor_first_elected'].indexOf(fact.id) === -1;
      });
      renderFacts();
    });
  }

  function factInput(fact, given) {
    var id = 'fact-' + fact.id;
    if (fact.type === 'bool' || fact.type === 'enum') {
      var select = element('select', {class: 'govuk-select', id: id, 'data-fact': fact.id});
      var choices = [['', 'Not known']].concat(fact.values.split(', ').filter(Boolean).map(function (value) {
        return [value, fact.type === 'bool' ? (value === 'true' ? 'Yes' : 'No') : capitalised(words(value))];
      }));
      choices.forEach(function (choice) {
        var option = element('option', {value: choice[0], text: choice[1]});
        option.selected = given.value === choice[0];
        select.appendChild(option);
      });
      return select;
    }
    var input = element('input', {
      class: 'govuk-input govuk-input--width-20', id: id, 'data-fact': fact.id,
      type: fact.type === 'integer' ? 'number' : fact.type === 'date' ? 'date' : 'text'
    });
    input.value = given.value;
    return input;
  }

  function renderFacts() {
    var box = $('facts');
    box.innerHTML = '';
    factList.forEach(function (fact) {
      var given = state.facts[fact.id] || {value: '', evidence: ''};
      var input = factInput(fact, given);
      var evidence = element('input', {
        class: 'govuk-input', id: 'evidence-' + fact.id, type: 'text', 'data-evidence': fact.id
      });
      evidence.value = given.evidence;
      var update = function () {
        state.facts[fact.id] = {value: input.value, evidence: evidence.value.trim()};
        changed();
      };
      input.addEventListener('change', update);
      evidence.addEventListener('change', update);
      box.appendChild(element('div', {class: 'govuk-form-group devo-fact', id: 'group-' + fact.id}, [
        element('label', {class: 'govuk-label govuk-label--s', for: input.id, text: capitalised(fact.title)}),
        element('div', {class: 'govuk-hint', text: fact.description}),
        input,
        element('label', {class: 'govuk-label devo-evidence-label', for: evidence.id,
          text: 'Evidence for it (optional: with evidence, the proposal states it)'}),
        evidence
      ]));
    });
  }

  // ---------------------------------------------------------------- the answer

  var STATUS_WORDS = {
    holds: 'Met', fails: 'Not met', unknown: 'Not known',
    available: 'Available', unavailable: 'Not available', not_available: 'Not available',
    reached: 'Reached', not_reached: 'Not reached'
  };
  var STATUS_TAGS = {
    holds: 'govuk-tag--green', available: 'govuk-tag--green', reached: 'govuk-tag--green',
    fails: 'govuk-tag--red', unavailable: 'govuk-tag--red', not_available: 'govuk-tag--red',
    not_reached: 'govuk-tag--red', unknown: 'govuk-tag--yellow'
  };

  function statusTag(status) {
    return element('strong', {
      class: 'govuk-tag ' + (STATUS_TAGS[status] || 'govuk-tag--grey'),
      text: STATUS_WORDS[status] || capitalised(words(status))
    });
  }

  function heldWords(power) {
    if (power.held === true) {
      return 'Held' + (power.held_since ? ' since ' + power.held_since : '');
    }
    if (power.held === false) {
      return 'Not held';
    }
    return 'Not recorded';
  }

  function reasonsList(reasons) {
    var list = element('ul', {class: 'govuk-list govuk-list--bullet devo-reasons'});
    (reasons || []).forEach(function (reason) {
      list.appendChild(element('li', {}, [
        element('span', {class: 'govuk-visually-hidden', text: (STATUS_WORDS[reason.status] || reason.status) + ': '}),
        reason.message
      ]));
    });
    return list;
  }

  function citation(cited) {
    if (!cited) {
      return element('span', {text: 'No source given'});
    }
    var text = cited.document + (cited.section ? ', ' + cited.section : '');
    if (cited.url) {
      return element('a', {class: 'govuk-link', href: cited.url, rel: 'noreferrer noopener', text: text});
    }
    return element('span', {text: text});
  }

  function table(caption, headings, rows, className) {
    var head = element('tr', {class: 'govuk-table__row'}, headings.map(function (heading) {
      return element('th', {scope: 'col', class: 'govuk-table__header', text: heading});
    }));
    var body = element('tbody', {class: 'govuk-table__body'}, rows.map(function (cells) {
      return element('tr', {class: 'govuk-table__row'}, cells.map(function (cell, i) {
        var node = element(i === 0 ? 'th' : 'td', i === 0
          ? {scope: 'row', class: 'govuk-table__header'} : {class: 'govuk-table__cell'});
        node.appendChild(typeof cell === 'string' ? document.createTextNode(cell) : cell);
        return node;
      }));
    }));
    return element('table', {class: 'govuk-table ' + (className || '')}, [
      element('caption', {class: 'govuk-table__caption govuk-table__caption--m', text: caption}),
      element('thead', {class: 'govuk-table__head'}, [head]),
      body
    ]);
  }

  function factText(value) {
    if (value === null || value === undefined) {
      return 'not known';
    }
    if (Array.isArray(value)) {
      return value.length ? value.join(', ') : 'none';
    }
    if (value === true) {
      return 'yes';
    }
    if (value === false) {
      return 'no';
    }
    return words(value);
  }

  function summary(answer) {
    var box = element('div', {class: 'devo-summary'});
    var tierTitle = null;
    (answer.tiers || []).forEach(function (tier) {
      if (tier.id === answer.tier) {
        tierTitle = tier.title;
      }
    });
    box.appendChild(element('p', {class: 'govuk-body-l devo-tier', 'data-tier': answer.tier || ''}, [
      answer.tier ? 'Reaches: ' : '',
      element('strong', {text: answer.tier ? tierTitle : 'Reaches no tier'})
    ]));
    box.appendChild(element('p', {class: 'govuk-body-s devo-receipt', text:
      'Rules ' + answer.receipt.ruleset + ', as of ' + answer.receipt.as_of + '; ' +
      answer.subject.name + '.'}));
    if (answer.valid === false) {
      var list = element('ul', {class: 'govuk-list govuk-error-summary__list'});
      (answer.problems || []).forEach(function (problem) {
        list.appendChild(element('li', {'data-code': problem.code, text: problem.message}));
      });
      box.appendChild(element('div', {class: 'govuk-error-summary devo-invalid', role: 'alert'}, [
        element('h3', {class: 'govuk-error-summary__title', text: 'This is not a valid proposal'}),
        element('div', {class: 'govuk-error-summary__body'}, [list])
      ]));
    }
    if (answer.applicable === false) {
      box.appendChild(element('p', {class: 'govuk-inset-text', text: 'These rules do not apply to this area on this date.'}));
    }
    return box;
  }

  function powersTable(answer) {
    return table('Powers', ['Power', 'Tier', 'Status', 'Held', 'Why', 'Source', 'Evidence'],
      (answer.powers || []).map(function (power) {
        return [power.title, words(power.tier), statusTag(power.status), heldWords(power),
          reasonsList(power.reasons), citation(power.citation), words(power.evidence)];
      }), 'devo-powers');
  }

  function tiersTable(answer) {
    return table('Tiers', ['Tier', 'Status', 'Why', 'Source'],
      (answer.tiers || []).map(function (tier) {
        return [tier.title, statusTag(tier.status), reasonsList(tier.reasons), citation(tier.citation)];
      }), 'devo-tiers');
  }

  function factsList(answer) {
    var list = element('dl', {class: 'govuk-summary-list devo-facts'});
    Object.keys(answer.facts || {}).forEach(function (id) {
      var note = (answer.fact_notes || {})[id];
      list.appendChild(element('div', {class: 'govuk-summary-list__row'}, [
        element('dt', {class: 'govuk-summary-list__key', text: capitalised(words(id))}),
        element('dd', {class: 'govuk-summary-list__value'}, [
          element('p', {class: 'govuk-body', text: factText(answer.facts[id])}),
          note ? element('p', {class: 'govuk-body-s devo-note', text: note}) : null
        ])
      ]));
    });
    return element('div', {}, [element('h3', {class: 'govuk-heading-m', text: 'Facts'}), list]);
  }

  function warningsList(answer) {
    if (!answer.warnings || !answer.warnings.length) {
      return null;
    }
    var list = element('ul', {class: 'govuk-list govuk-list--bullet'});
    answer.warnings.forEach(function (warning) {
      list.appendChild(element('li', {text: warning.message}));
    });
    return element('div', {class: 'devo-warnings'}, [
      element('h3', {class: 'govuk-heading-m', text: 'Worth knowing'}), list]);
  }

  function fullAnswer(answer) {
    return element('div', {class: 'devo-answer devo-full', 'data-ruleset': answer.receipt.ruleset}, [
      summary(answer), tiersTable(answer), powersTable(answer), warningsList(answer), factsList(answer)
    ]);
  }

  // Two rule sets side by side: the summary and each tier's and power's status.
  function compactAnswer(answer) {
    var powers = element('ul', {class: 'govuk-list devo-compact-powers'});
    (answer.powers || []).forEach(function (power) {
      powers.appendChild(element('li', {}, [statusTag(power.status), ' ', power.title]));
    });
    return element('div', {class: 'devo-answer', 'data-ruleset': answer.receipt.ruleset}, [
      element('h3', {class: 'govuk-heading-m', text: answer.receipt.ruleset}),
      summary(answer),
      element('h4', {class: 'govuk-heading-s', text: 'Powers'}),
      powers
    ]);
  }

  function showProblems(body) {
    var box = $('problems');
    box.innerHTML = '';
    // A 400's body is devo's diagnostics: a list, each with a code, a
    // message and the pointer into the request it is about.
    if (!Array.isArray(body) || !body.length) {
      return;
    }
    var list = element('ul', {class: 'govuk-list govuk-error-summary__list'});
    body.forEach(function (problem) {
      var where = problem.pointer ? ' (' + problem.pointer + ')' : '';
      list.appendChild(element('li', {'data-code': problem.code, text: problem.message + where}));
    });
    box.appendChild(element('div', {class: 'govuk-error-summary', role: 'alert'}, [
      element('h2', {class: 'govuk-error-summary__title', text: 'There is a problem'}),
      element('div', {class: 'govuk-error-summary__body'}, [list])
    ]));
  }

  function mapOfAnswer(svgText) {
    // Two maps share the page: the answer's ids are made its own.
    var holder = element('div', {class: 'devo-answer-map'});
    holder.appendChild(parseSvg(svgText.replace(/devo-map/g, 'devo-answer-map')));
    return element('div', {}, [element('h3', {class: 'govuk-heading-m', text: 'The area on the map'}), holder]);
  }

  function ask() {
    var number = ++requestNumber;
    var body = requestBody(state.rules);
    var answerBox = $('answer');
    if (!body) {
      showProblems(null);
      lastAnswer = null;
      lastBody = null;
      answerBox.setAttribute('aria-busy', 'false');
      answerBox.removeAttribute('data-councils');
      answerBox.innerHTML = '<p class="govuk-body">Choose an institution or councils to see what a deal would give them.</p>';
      return;
    }
    answerBox.setAttribute('aria-busy', 'true');
    var asks = [postJson('/v1/evaluate', body)];
    if (state.compare) {
      asks.push(postJson('/v1/evaluate', requestBody(state.compare)));
    }
    // The body is read even when it is a problem: a response left unread
    // stays open.
    var map = post('/v1/map.svg', body).then(function (response) {
      return response.text().then(function (text) { return response.ok ? text : null; });
    });
    Promise.all([Promise.all(asks), map]).then(function (results) {
      if (number !== requestNumber) {
        return;
      }
      var answers = results[0];
      answerBox.setAttribute('aria-busy', 'false');
      var failed = answers.filter(function (answer) { return answer.status !== 200; });
      if (failed.length) {
        showProblems(failed[0].body);
        answerBox.innerHTML = '<p class="govuk-body">devo could not answer: see the problem above.</p>';
        lastAnswer = null;
        return;
      }
      showProblems(null);
      lastAnswer = answers[0].body;
      lastBody = body;
      answerBox.innerHTML = '';
      // Which proposal the answer is for (the browser tests wait on it).
      answerBox.setAttribute('data-councils', (body.authority ? [body.authority] : body.proposal.councils).join(','));
      if (answers.length === 2) {
        answerBox.appendChild(element('div', {class: 'govuk-grid-row devo-side-by-side'}, answers.map(function (answer) {
          return element('div', {class: 'govuk-grid-column-one-half'}, [compactAnswer(answer.body)]);
        })));
        answerBox.appendChild(element('h3', {class: 'govuk-heading-m', text: 'In full, under ' + answers[0].body.receipt.ruleset}));
      }
      answerBox.appendChild(fullAnswer(answers[0].body));
      if (results[1]) {
        answerBox.appendChild(mapOfAnswer(results[1]));
      }
    }).catch(function () {
      if (number === requestNumber) {
        answerBox.setAttribute('aria-busy', 'false');
        answerBox.innerHTML = '<p class="govuk-body">devo could not be reached. Try again.</p>';
      }
    });
  }

  // ---------------------------------------------------------------- the map

  var view = null;      // the England map's viewBox: {x, y, width, height}
  var fullView = null;

  function parseSvg(text) {
    var parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    return document.importNode(parsed.documentElement, true);
  }

  function setView(next) {
    view = next;
    var svg = $('map').querySelector('svg');
    if (svg) {
      svg.setAttribute('viewBox', [view.x, view.y, view.width, view.height].join(' '));
      // The institutions' numbers are for the whole map; zoomed in, the
      // names come from hovering.
      svg.classList.toggle('devo-zoomed', view.width < fullView.width / 2);
    }
  }

  function zoom(factor, centreX, centreY) {
    if (!view) {
      return;
    }
    var width = Math.min(fullView.width * 1.5, Math.max(fullView.width / 40, view.width * factor));
    var scale = width / view.width;
    var cx = centreX === undefined ? view.x + view.width / 2 : centreX;
    var cy = centreY === undefined ? view.y + view.height / 2 : centreY;
    setView({
      x: cx - (cx - view.x) * scale,
      y: cy - (cy - view.y) * scale,
      width: width,
      height: view.height * scale
    });
  }

  function zoomToChosen() {
    var svg = $('map').querySelector('svg');
    var paths = svg ? Array.prototype.slice.call(svg.querySelectorAll('path.devo-chosen-district')) : [];
    if (!paths.length) {
      return;
    }
    var box = null;
    paths.forEach(function (path) {
      // A path's box is in its own units (the map draws in tenths), taken
      // to the map's through its transform.
      var b = path.getBBox();
      var m = svg.getScreenCTM().inverse().multiply(path.getScreenCTM());
      var x1 = m.a * b.x + m.e;
      var y1 = m.d * b.y + m.f;
      var x2 = m.a * (b.x + b.width) + m.e;
      var y2 = m.d * (b.y + b.height) + m.f;
      box = box ? {
        x1: Math.min(box.x1, x1), y1: Math.min(box.y1, y1),
        x2: Math.max(box.x2, x2), y2: Math.max(box.y2, y2)
      } : {x1: x1, y1: y1, x2: x2, y2: y2};
    });
    var aspect = fullView.height / fullView.width;
    var width = Math.max((box.x2 - box.x1) * 2.2, (box.y2 - box.y1) * 2.2 / aspect, fullView.width / 12);
    var height = width * aspect;
    setView({x: (box.x1 + box.x2 - width) / 2, y: (box.y1 + box.y2 - height) / 2, width: width, height: height});
  }

  function svgPoint(svg, event) {
    var rect = svg.getBoundingClientRect();
    return {
      x: view.x + (event.clientX - rect.left) / rect.width * view.width,
      y: view.y + (event.clientY - rect.top) / rect.height * view.height
    };
  }

  function districtName(path) {
    var title = path.querySelector('title');
    return title ? title.textContent.split(':')[0] : path.getAttribute('data-code');
  }

  function attachMap(svg) {
    var box = $('map');
    box.innerHTML = '';
    svg.setAttribute('class', 'devo-england');
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    box.appendChild(svg);
    // The view starts on the map's panel: England, without the page's title
    // and legend around it (which are still there when zooming out).
    var numbers = (svg.getAttribute('viewBox') || '0 0 800 1000').split(/[ ,]+/).map(Number);
    var panel = svg.querySelector('rect.panel');
    fullView = panel ? {
      x: Number(panel.getAttribute('x')), y: Number(panel.getAttribute('y')),
      width: Number(panel.getAttribute('width')), height: Number(panel.getAttribute('height'))
    } : {x: numbers[0], y: numbers[1], width: numbers[2], height: numbers[3]};
    setView(fullView);

    var drag = null;
    svg.addEventListener('pointerdown', function (event) {
      drag = {x: event.clientX, y: event.clientY, view: view, moved: false};
    });
    svg.addEventListener('pointermove', function (event) {
      var path = event.target.closest ? event.target.closest('path[data-code]') : null;
      if (path && !drag) {
        $('map-status').textContent = districtName(path) + ' (' + path.getAttribute('data-code') + '): click to ' +
          (councilHolding(path.getAttribute('data-code')).length ? 'take it out' : 'add it');
      }
      if (!drag) {
        return;
      }
      var dx = event.clientX - drag.x;
      var dy = event.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 4) {
        drag.moved = true;
        var rect = svg.getBoundingClientRect();
        setView({
          x: drag.view.x - dx / rect.width * drag.view.width,
          y: drag.view.y - dy / rect.height * drag.view.height,
          width: drag.view.width,
          height: drag.view.height
        });
      }
    });
    svg.addEventListener('pointerup', function (event) {
      var wasDrag = drag && drag.moved;
      drag = null;
      if (wasDrag) {
        return;
      }
      var path = event.target.closest ? event.target.closest('path[data-code]') : null;
      if (path) {
        toggleDistrict(path.getAttribute('data-code'), districtName(path));
      }
    });
    svg.addEventListener('pointerleave', function () {
      drag = null;
    });
    svg.addEventListener('wheel', function (event) {
      event.preventDefault();
      var at = svgPoint(svg, event);
      zoom(event.deltaY < 0 ? 0.8 : 1.25, at.x, at.y);
    }, {passive: false});
    markMap();
    if (state.councils.length) {
      zoomToChosen();
    }
  }

  function suggestionShown() {
    return state.shown && lastSuggestions ? lastSuggestions.filter(function (s) {
      return s.rank === state.shown;
    })[0] : null;
  }

  // Marks the districts of the proposal, and of the suggestion shown.
  function markMap() {
    var svg = $('map').querySelector('svg');
    if (!svg) {
      return;
    }
    var chosen = {};
    state.councils.forEach(function (code) {
      var info = councilInfo[code];
      ((info && info.districts) || [code]).forEach(function (district) { chosen[district] = true; });
    });
    var shown = suggestionShown();
    var suggested = {};
    ((shown && shown.subject.districts) || []).forEach(function (district) { suggested[district] = true; });
    Array.prototype.forEach.call(svg.querySelectorAll('path[data-code]'), function (path) {
      var code = path.getAttribute('data-code');
      path.classList.toggle('devo-chosen-district', !!chosen[code]);
      path.classList.toggle('devo-suggested-district', !!suggested[code] && !chosen[code]);
    });
  }

  function loadMap() {
    fetch('/v1/map.svg?all=true&colour=institution').then(function (response) {
      return response.text().then(function (text) {
        return response.ok ? text : Promise.reject(response.status);
      });
    }).then(function (text) {
      attachMap(parseSvg(text));
    }).catch(function () {
      $('map').innerHTML = '<p class="govuk-body">The map could not be loaded. You can still choose councils by name.</p>';
    });
  }

  // ---------------------------------------------------------------- what would it take

  function loadTiers() {
    var rules = state.rules;
    getJson('/v1/rulesets/' + encodeURIComponent(rules) + '/tiers').then(function (answer) {
      if (answer.status !== 200 || rules !== state.rules) {
        return;
      }
      var select = $('target-tier');
      var before = select.value;
      select.innerHTML = '';
      answer.body.forEach(function (tier) {
        var option = element('option', {value: tier.id, text: tier.title});
        option.selected = tier.id === before;
        select.appendChild(option);
      });
    });
  }

  function suggest() {
    var box = $('suggestions');
    var body = requestBody(state.rules);
    if (!body) {
      box.innerHTML = '<p class="govuk-body">Choose an institution or councils first.</p>';
      return;
    }
    body.target_tier = $('target-tier').value;
    box.innerHTML = '<p class="govuk-body">Looking for groupings…</p>';
    postJson('/v1/suggest', body).then(function (answer) {
      box.innerHTML = '';
      if (answer.status !== 200) {
        showProblems(answer.body);
        return;
      }
      lastSuggestions = answer.body.suggestions || [];
      state.shown = null;
      var tierName = $('target-tier').selectedOptions[0].textContent;
      if (answer.body.tier_alone === body.target_tier) {
        box.appendChild(element('p', {class: 'govuk-body', text: 'The area chosen reaches ' + tierName + ' as it is.'}));
      }
      if (!lastSuggestions.length) {
        box.appendChild(element('p', {class: 'govuk-body', text: 'devo found no grouping of up to ' +
          answer.body.max_councils + ' councils that reaches ' + tierName + '.'}));
        return;
      }
      box.appendChild(element('p', {class: 'govuk-body', text: 'devo looked at ' + answer.body.examined +
        ' groupings; ' + answer.body.matching + ' reach ' + tierName + '. The best ' + lastSuggestions.length + ':'}));
      var list = element('ol', {class: 'govuk-list govuk-list--number devo-suggestions'});
      lastSuggestions.forEach(function (suggestion) {
        var added = suggestion.added.map(function (council) { return council.name; });
        var show = element('button', {type: 'button', class: 'govuk-button govuk-button--secondary devo-inline-button',
          'data-show': suggestion.rank, text: 'Show on the map'});
        show.addEventListener('click', function () {
          state.shown = state.shown === suggestion.rank ? null : suggestion.rank;
          markMap();
          Array.prototype.forEach.call(list.querySelectorAll('[data-show]'), function (button) {
            button.textContent = Number(button.getAttribute('data-show')) === state.shown ? 'Hide on the map' : 'Show on the map';
          });
          announce(state.shown ? suggestion.subject.name + ' shown on the map' : 'Suggestion hidden');
        });
        var use = element('button', {type: 'button', class: 'govuk-button devo-inline-button',
          'data-use': suggestion.rank, text: 'Use this grouping'});
        use.addEventListener('click', function () {
          suggestion.subject.councils.forEach(function (code) {
            if (state.councils.indexOf(code) === -1) {
              state.councils.push(code);
              learnCouncil(code).then(changed);
            }
          });
          suggestion.added.forEach(function (council) {
            councilInfo[council.code] = councilInfo[council.code] || {name: council.name};
          });
          state.shown = null;
          changed();
        });
        list.appendChild(element('li', {}, [
          element('p', {class: 'govuk-body', text: 'Add ' + listInWords(added) + ': ' +
            suggestion.subject.name + ' reaches ' + words(suggestion.tier) + ', gaining ' +
            suggestion.powers_gained.length + ' powers.'}),
          element('div', {class: 'govuk-button-group'}, [show, use])
        ]));
      });
      box.appendChild(list);
    });
  }

  // ---------------------------------------------------------------- downloads

  function yamlText(value) {
    return JSON.stringify(String(value));
  }

  function yamlValue(value) {
    if (Array.isArray(value)) {
      return '[' + value.map(yamlText).join(', ') + ']';
    }
    return typeof value === 'string' ? yamlText(value) : String(value);
  }

  // The proposal as a YAML file for `devo evaluate --proposal`: the same
  // fields as the request (and the assumptions as comments, since a file
  // does not carry them).
  function proposalYaml() {
    var written = proposal();
    var lines = ['# A proposal written by devo serve\'s page. Evaluate it with:',
      '#   devo evaluate --proposal this-file.yaml' +
        (state.rules ? ' --rules ' + state.rules : '') + (state.asOf ? ' --as-of ' + state.asOf : '') +
        givenFacts().filter(function (fact) { return !state.facts[fact.id].evidence; }).map(function (fact) {
          return ' --assume ' + fact.id + '=' + state.facts[fact.id].value;
        }).join(''),
      'name: ' + yamlText(written.name),
      'institution: ' + written.institution,
      'mayor: ' + written.mayor];
    if (written.mayor_first_elected) {
      lines.push('mayor_first_elected: ' + written.mayor_first_elected);
    }
    lines.push('councils:');
    written.councils.forEach(function (code) {
      lines.push('  - ' + code + '  # ' + councilName(code).replace(/\n/g, ' '));
    });
    if (written.reshapes) {
      lines.push('reshapes:');
      written.reshapes.forEach(function (name) { lines.push('  - ' + yamlText(name)); });
    }
    if (written.assertions) {
      lines.push('assertions:');
      Object.keys(written.assertions).forEach(function (id) {
        lines.push('  ' + id + ':');
        lines.push('    value: ' + yamlValue(written.assertions[id].value));
        lines.push('    evidence: ' + yamlText(written.assertions[id].evidence));
      });
    }
    return lines.join('\n') + '\n';
  }

  function download(name, type, content) {
    var url = URL.createObjectURL(new Blob([content], {type: type}));
    var link = element('a', {href: url, download: name});
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function fileName() {
    return (state.name || defaultName()).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'proposal';
  }

  // ---------------------------------------------------------------- changes

  var pending = null;

  function announce(text) {
    $('map-status').textContent = text;
  }

  function syncForm() {
    $('institution').value = state.institution;
    $('mayor').value = state.mayor;
    // Only a mayor or leader is elected.
    $('mayor-elected-group').hidden = state.mayor === 'none';
    $('mayor-elected').value = state.mayorElected;
    $('proposal-name').value = state.name;
    $('proposal-name').placeholder = defaultName();
    $('as-of').value = state.asOf;
    $('rules').value = state.rules;
    $('compare').value = state.compare;
  }

  // Redraws what the state decides at once, and asks devo shortly after the
  // last change (typing a name is not a request per key).
  function changed() {
    renderChosen();
    renderReshapes();
    syncForm();
    markMap();
    updateLink();
    clearTimeout(pending);
    $('answer').setAttribute('aria-busy', 'true');
    pending = setTimeout(ask, 150);
  }

  function readLink() {
    var query = new URLSearchParams(location.search);
    state.councils = (query.get('councils') || '').split(',').filter(Boolean);
    state.name = query.get('name') || '';
    state.institution = query.get('institution') || state.institution;
    state.mayor = query.get('mayor') || state.mayor;
    state.mayorElected = query.get('mayor_first_elected') || '';
    state.rules = query.get('rules') || state.rules;
    state.asOf = query.get('as_of') || '';
    state.compare = query.get('compare') || '';
    query.getAll('not_reshaping').forEach(function (name) { state.reshapesOff[name] = true; });
    query.forEach(function (value, key) {
      if (key.indexOf('fact.') === 0) {
        var id = key.slice(5);
        state.facts[id] = {value: value, evidence: query.get('evidence.' + id) || ''};
      }
    });
    return query.get('start');
  }

  // The start of a shared link, without replacing the councils it lists.
  function restoreStart(start) {
    return postJson('/v1/evaluate', {authority: start}).then(function (answer) {
      if (answer.status !== 200) {
        return;
      }
      var subject = answer.body.subject;
      var found = subject.code ? subject.code : subject.name;
      return getJson('/v1/authorities?q=' + encodeURIComponent(found) + '&limit=1').then(function (list) {
        state.start = {
          code: subject.code || '',
          name: subject.name,
          kind: list.status === 200 && list.body[0] ? list.body[0].kind : 'district',
          councils: subject.councils.slice(),
          institution: answer.body.facts.institution,
          mayor: answer.body.facts.mayor
        };
      });
    });
  }

  function fillRuleChoices(rulesets) {
    var rules = $('rules');
    var compare = $('compare');
    compare.appendChild(element('option', {value: '', text: 'No comparison'}));
    rulesets.forEach(function (ruleset) {
      var label = ruleset.id + ': ' + ruleset.title + ' (' + ruleset['in force'] + ')';
      rules.appendChild(element('option', {value: ruleset.id, text: label}));
      compare.appendChild(element('option', {value: ruleset.id, text: label}));
    });
  }

  // The rule set in force is what devo uses when none is named; the form
  // shows it: of those in force on the date, the one that came last.
  function rulesInForce(rulesets) {
    var day = state.asOf || new Date().toISOString().slice(0, 10);
    var chosen = null;
    var chosenStart = '';
    rulesets.forEach(function (ruleset) {
      var range = ruleset['in force'].match(/(\d{4}-\d{2}-\d{2})/g) || [];
      if (range[0] <= day && (!range[1] || day <= range[1]) && range[0] > chosenStart) {
        chosen = ruleset.id;
        chosenStart = range[0];
      }
    });
    return chosen || rulesets[0].id;
  }

  // The search box asks as the user types; an answer that comes back after
  // a later one is dropped, so that the list shown is for what was typed.
  function authoritySource(filter) {
    var latest = 0;
    return function (query, populate) {
      var asked = ++latest;
      getJson('/v1/authorities?limit=12&q=' + encodeURIComponent(query)).then(function (answer) {
        if (asked === latest) {
          populate(answer.status === 200 ? answer.body.filter(filter) : []);
        }
      }).catch(function () {
        if (asked === latest) {
          populate([]);
        }
      });
    };
  }

  function suggestionTemplate(found) {
    if (typeof found === 'string') {
      return escapeHtml(found);
    }
    return escapeHtml(found.name) + ' <span class="devo-code">' + escapeHtml(found.code || found.kind) + '</span>';
  }

  function searchBoxes() {
    window.accessibleAutocomplete({
      element: $('start-search-container'),
      id: 'start-search',
      name: 'start',
      minLength: 2,
      confirmOnBlur: false,
      source: authoritySource(function () { return true; }),
      templates: {
        inputValue: function (found) { return found ? found.name : ''; },
        suggestion: suggestionTemplate
      },
      tNoResults: function () { return 'No council or institution has that name'; },
      onConfirm: function (found) {
        if (found) {
          startFrom(found);
        }
      }
    });
    window.accessibleAutocomplete({
      element: $('council-search-container'),
      id: 'council-search',
      name: 'council',
      minLength: 2,
      confirmOnBlur: false,
      source: authoritySource(function (found) { return found.kind !== 'institution'; }),
      templates: {
        inputValue: function () { return ''; },
        suggestion: suggestionTemplate
      },
      tNoResults: function () { return 'No council has that name'; },
      onConfirm: function (found) {
        if (found) {
          councilInfo[found.code] = councilInfo[found.code] || {name: found.name};
          addCouncil(found.code);
          announce(found.name + ' added to the proposal');
        }
      }
    });
    $('start-search').setAttribute('aria-describedby', 'start-hint');
    $('council-search').setAttribute('aria-describedby', 'council-hint');
  }

  function formEvents() {
    $('institution').addEventListener('change', function (event) { state.institution = event.target.value; changed(); });
    $('mayor').addEventListener('change', function (event) { state.mayor = event.target.value; changed(); });
    $('mayor-elected').addEventListener('change', function (event) { state.mayorElected = event.target.value; changed(); });
    $('proposal-name').addEventListener('input', function (event) { state.name = event.target.value.trim(); changed(); });
    $('as-of').addEventListener('change', function (event) { state.asOf = event.target.value; changed(); });
    $('compare').addEventListener('change', function (event) { state.compare = event.target.value; changed(); });
    $('rules').addEventListener('change', function (event) {
      state.rules = event.target.value;
      loadFacts();
      loadTiers();
      changed();
    });
    $('clear').addEventListener('click', function () {
      state.start = null;
      state.councils = [];
      state.reshapesOff = {};
      state.name = '';
      state.mayorElected = '';
      state.shown = null;
      changed();
      announce('The proposal has no councils');
    });
    $('proposal-form').addEventListener('submit', function (event) { event.preventDefault(); });
    $('zoom-in').addEventListener('click', function () { zoom(0.6); });
    $('zoom-out').addEventListener('click', function () { zoom(1 / 0.6); });
    $('zoom-reset').addEventListener('click', function () { if (fullView) { setView(fullView); } });
    $('zoom-chosen').addEventListener('click', zoomToChosen);
    $('suggest').addEventListener('click', suggest);
    $('copy-link').addEventListener('click', function () {
      var link = $('share-link');
      link.select();
      (navigator.clipboard ? navigator.clipboard.writeText(link.value) : Promise.reject()).then(function () {
        announce('Link copied');
      }, function () {
        announce('Select the link and copy it');
      });
    });
    $('download-yaml').addEventListener('click', function () {
      download(fileName() + '.yaml', 'application/yaml', proposalYaml());
    });
    $('download-json').addEventListener('click', function () {
      if (lastAnswer) {
        download(fileName() + '.json', 'application/json', JSON.stringify(lastAnswer, null, 2) + '\n');
      }
    });
    $('download-html').addEventListener('click', function () {
      if (!lastBody) {
        return;
      }
      post('/v1/report.html', lastBody).then(function (response) {
        return response.text().then(function (text) { return response.ok ? text : null; });
      }).then(function (html) {
        if (html) {
          download(fileName() + '.html', 'text/html', html);
        }
      });
    });
  }

  function start() {
    var startCode = readLink();
    formEvents();
    searchBoxes();
    getJson('/v1/rulesets').then(function (answer) {
      fillRuleChoices(answer.body);
      state.rules = state.rules || rulesInForce(answer.body);
      loadFacts();
      loadTiers();
      var restoring = startCode ? restoreStart(startCode) : Promise.resolve();
      return restoring.then(function () {
        return Promise.all(state.councils.map(learnCouncil));
      });
    }).then(function () {
      changed();
      loadMap();
    });
  }

  document.addEventListener('DOMContentLoaded', start);
}());
