// The resident's journey in Chromium, on a real service: the start page, the challenge's page,
// the multi-step form with mistakes (error summary, messages at the fields), saved as a draft,
// resumed through its private link in another browser, corrected, reviewed and sent; the
// confirmation with the private link; the acknowledgement letter as a PDF (read back with
// pdftotext); a handler's step through the API (a request for completion); the case page as the
// resident then sees it, opened through the private link in a fresh browser; the answer to the
// request, given on its own page; the withdrawal, after a confirmation. Every page state is
// checked with axe (WCAG 2.1 A/AA, zero violations) and captured at 320 and 1280 px.
// The same journey's form is then filled in with the keyboard only.
//
//   node tests/browser/resident_journey.mjs path/to/uitdaag
import fs from 'node:fs';
import path from 'node:path';
import { Checks, launchBrowser, look, pdfText, requireTools, startService } from './harness.mjs';

requireTools();
const uitdaag = process.argv[2];
if (!uitdaag) { console.error('usage: resident_journey.mjs UITDAAG'); process.exit(2); }

const checks = new Checks('resident journey');
const service = await startService(uitdaag);
const screens = process.env.UITDAAG_SCREENS || path.join(service.dir, 'screens');
fs.mkdirSync(screens, { recursive: true });
const browser = await launchBrowser();

const next = (page) => page.getByRole('button', { name: 'Volgende stap' }).click();
const heading = (page) => page.locator('h1').textContent();

try {
  const context = await browser.newContext({ bypassCSP: true, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(service.url + '/');
  checks.equal(await page.title(), 'Daag de gemeente uit - Gemeente Voorbeeldstad', 'start page title');
  await look(checks, page, '01-start', screens);

  await page.getByRole('link', { name: 'Uitdaagrecht volgens het VNG-model' }).click();
  checks.ok((await page.textContent('h1')).includes('Uitdaagrecht'), 'the challenge page has its heading');
  await look(checks, page, '02-uitdaging', screens);

  await page.getByRole('button', { name: 'Start uw uitdaging' }).click();
  checks.ok((await heading(page)).startsWith('Stap 1 van 5: Uw initiatief'), 'step 1 says which step of how many');
  checks.ok((await page.title()).startsWith('Stap 1 van 5'), 'the title says the step too');
  await look(checks, page, '03-formulier-stap-1', screens);

  // Mistakes: nothing filled in but the name.
  await page.getByLabel('Naam van het initiatief').fill('Groen in de Bloemenbuurt');
  await next(page);
  checks.ok((await page.title()).startsWith('Fout: '), 'the title says there are errors');
  const summary = page.locator('.foutoverzicht');
  checks.ok(await summary.isVisible(), 'the error summary is shown');
  checks.ok((await summary.textContent()).includes('Welke taak wilt u overnemen: dit veld is verplicht'), 'the summary names the empty task');
  checks.equal(await page.getByLabel('Naam van het initiatief').inputValue(), 'Groen in de Bloemenbuurt', 'typed values are kept');
  checks.equal(await page.getByLabel('Welke taak wilt u overnemen').getAttribute('aria-invalid'), 'true', 'the field is marked invalid');
  await look(checks, page, '04-formulier-fouten', screens);
  await summary.getByRole('link', { name: /Welke taak/ }).click();
  checks.equal(await page.evaluate(() => document.activeElement.id), 'veld-taak', 'the summary link focuses the field');

  await page.getByLabel('Wij zijn een groep bewoners').check();
  await page.getByLabel('Welke taak wilt u overnemen').fill('Onderhoud van het openbaar groen in de Bloemenbuurt.');
  await next(page);
  checks.ok((await heading(page)).startsWith('Stap 2 van 5'), 'on to step 2');
  await page.getByLabel('Waarom kunt u het beter of anders').fill('Wij maaien vaker en zaaien bloemen voor insecten.');
  await page.getByLabel('Kennis en ervaring').fill('Twee hoveniers in het bestuur.');
  await page.getByRole('button', { name: 'Opslaan en later verder' }).click();
  const resume = await page.locator('.persoonlijke-link a').getAttribute('href');
  checks.ok(/\/verder\?code=[A-Za-z0-9_-]{43}$/.test(resume), 'saving gives the private link to resume');
  await look(checks, page, '05-opgeslagen', screens);

  // Later, in another browser: the link opens the draft at its step, with what was typed.
  const laterForm = await browser.newContext({ bypassCSP: true, acceptDownloads: true });
  const form = await laterForm.newPage();
  await form.goto(resume);
  checks.ok((await heading(form)).startsWith('Stap 2 van 5'), 'the link resumes at step 2');
  checks.equal(await form.getByLabel('Kennis en ervaring').inputValue(), 'Twee hoveniers in het bestuur.', 'the draft kept the answers');
  await form.getByLabel('Kwaliteit en continuïteit').fill('Een vast rooster en een reservelijst.');
  await next(form);
  await form.getByLabel('Draagvlak in de buurt').fill('148 buurtbewoners steunen het plan.');
  await form.getByLabel('Begroting per jaar').fill('twaalf euro');
  await next(form);
  checks.ok((await form.locator('.foutoverzicht').textContent()).includes('Begroting per jaar: dit antwoord klopt niet'), 'the summary names the amount');
  await look(checks, form, '06-formulier-bedrag-fout', screens);
  await form.getByLabel('Begroting per jaar').fill('12.500');
  await next(form);
  checks.ok((await heading(form)).startsWith('Stap 4 van 5: Uw gegevens'), 'on to the contact details');
  await form.getByLabel('Naam van u, uw groep of uw organisatie').fill('Stichting Groen Doet');
  await form.getByLabel('Contactpersoon').fill('mevrouw A. Jansen');
  await form.getByLabel('Straat en huisnummer').fill('Tulpstraat 14');
  await form.getByLabel('Postcode').fill('1235 BT');
  await form.getByLabel('Plaats').fill('Voorbeeldstad');
  await next(form);
  checks.ok((await heading(form)).startsWith('Stap 5 van 5: Controleren en versturen'), 'the review comes last');
  const review = await form.textContent('main');
  checks.ok(review.includes('Wij zijn een groep bewoners') && review.includes('12.500') && review.includes('Tulpstraat 14'), 'the review shows every answer');
  await look(checks, form, '07-controleren', screens);
  await form.getByRole('button', { name: 'Uitdaging versturen' }).click();
  await form.waitForURL(/\/zaak\/[0-9-]+\/ontvangen$/);
  const caseId = form.url().match(/\/zaak\/([0-9-]+)\/ontvangen/)[1];
  checks.ok((await form.textContent('main')).includes(caseId), 'the confirmation shows the case number');
  const link = await form.locator('.persoonlijke-link a').getAttribute('href');
  checks.ok(/\/volgen\?code=[A-Za-z0-9_-]{43}$/.test(link), 'the confirmation gives the private link');
  await look(checks, form, '08-bevestiging', screens);

  // The draft's link no longer opens the form.
  const old = await (await browser.newContext()).newPage();
  const gone = await old.goto(resume);
  checks.equal(gone.status(), 410, 'the link of a sent draft answers 410');
  checks.ok((await old.textContent('h1')).includes('al verstuurd'), 'and says it was sent');

  // The acknowledgement, once the worker rendered it.
  let pdfLink = null;
  for (let i = 0; i < 60 && !pdfLink; i += 1) {
    await form.reload();
    const a = form.getByRole('link', { name: /download als PDF/ }).first();
    if (await a.count() > 0) pdfLink = a;
    else await form.waitForTimeout(250);
  }
  checks.ok(pdfLink !== null, 'the acknowledgement appears on the confirmation page');
  if (pdfLink) {
    const [download] = await Promise.all([form.waitForEvent('download'), pdfLink.click()]);
    const file = path.join(service.dir, 'ontvangstbevestiging.pdf');
    await download.saveAs(file);
    const text = pdfText(file);
    checks.ok(text.includes(caseId), 'the PDF names the case');
    checks.ok(text.includes('Groen in de Bloemenbuurt'), 'the PDF names the initiative');
  }

  // A handler asks for completion, through the API.
  const login = await fetch(service.url + '/api/session', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'behandelaar', password: service.accounts.behandelaar }),
  });
  const { token } = await login.json();
  const asked = await fetch(`${service.url}/api/cases/${caseId}/events/aanvulling_vragen`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'If-Match': '"1"' },
    body: JSON.stringify({ data: { ontbrekende_gegevens: 'Stuur de lijst met steunbetuigingen mee.' } }),
  });
  checks.equal(asked.status, 200, 'the handler asks for completion');

  // The resident comes back later through the private link, in a fresh browser.
  const later = await browser.newContext({ bypassCSP: true });
  const page2 = await later.newPage();
  await page2.goto(link);
  checks.ok(page2.url().endsWith(`/zaak/${caseId}`), 'the private link leads to the case page with a clean address');
  const main = await page2.textContent('main');
  checks.ok(main.includes('Hersteltermijn') || main.includes('aanvul'), 'the case page shows what is asked');
  checks.ok(await page2.locator('[aria-current="step"]').count() <= 1, 'at most one current step');
  await look(checks, page2, '09-zaak-aanvulling', screens);

  // What is asked, answered right there; then the challenge is withdrawn, after a confirmation.
  await page2.getByRole('link', { name: 'Aanvraag aanvullen' }).click();
  checks.ok((await heading(page2)).includes('Aanvraag aanvullen'), 'the completion has its own page');
  await page2.getByRole('button', { name: 'Aanvraag aanvullen' }).click();
  checks.ok((await page2.title()).startsWith('Fout: '), 'an empty answer is named');
  await look(checks, page2, '11-aanvullen-fout', screens);
  await page2.getByLabel('Toelichting').fill('De lijst met 148 handtekeningen sturen wij per post na.');
  await page2.getByRole('button', { name: 'Aanvraag aanvullen' }).click();
  await page2.waitForURL(new RegExp(`/zaak/${caseId}$`));
  checks.ok((await page2.textContent('main')).includes('Wij bekijken of uw aanvraag compleet is'), 'the answer moves the case on');
  await look(checks, page2, '12-zaak-na-aanvulling', screens);
  // An attachment: a web page is refused at the field, the acknowledgement PDF is accepted.
  const html = path.join(service.dir, 'pagina.html');
  fs.writeFileSync(html, '<html><body>niet toegestaan</body></html>');
  await page2.getByLabel('Bijlage toevoegen').setInputFiles(html);
  await page2.getByRole('button', { name: 'Bijlage versturen' }).click();
  checks.ok((await page2.locator('#bestand-fout').textContent()).includes('Dit soort bestand nemen wij niet aan'), 'an HTML file is refused at the field');
  await look(checks, page2, '12a-bijlage-fout', screens);
  const pdfFile = path.join(service.dir, 'ontvangstbevestiging.pdf');
  if (fs.existsSync(pdfFile)) {
    await page2.getByLabel('Bijlage toevoegen').setInputFiles(pdfFile);
    await page2.getByRole('button', { name: 'Bijlage versturen' }).click();
    await page2.waitForURL(new RegExp(`/zaak/${caseId}#bijlagen$`));
    checks.ok(await page2.getByRole('link', { name: 'ontvangstbevestiging.pdf' }).count() === 1, 'the attachment is listed');
  }
  await page2.getByRole('link', { name: 'Uitdaging intrekken' }).click();
  checks.ok((await page2.textContent('main')).includes('Weet u het zeker?'), 'withdrawing asks to confirm');
  await look(checks, page2, '13-intrekken', screens);
  await page2.getByRole('button', { name: 'Ja, ik weet het zeker' }).click();
  await page2.waitForURL(new RegExp(`/zaak/${caseId}$`));
  checks.ok((await page2.textContent('main')).includes('U heeft uw uitdaging ingetrokken'), 'the case is withdrawn');
  checks.equal(await page2.getByRole('link', { name: 'Uitdaging intrekken' }).count(), 0, 'nothing more to do on a closed case');
  await look(checks, page2, '14-zaak-ingetrokken', screens);

  // A stranger's browser sees nothing.
  const stranger = await (await browser.newContext()).newPage();
  const response = await stranger.goto(`${service.url}/zaak/${caseId}`);
  checks.equal(response.status(), 404, 'another browser gets 404 for the case page');
  await look(checks, stranger, '15-niet-gevonden', screens);

  // The whole form with the keyboard only: Tab to each field and type, Space for a radio button,
  // Enter on the button that goes on.
  const keyboard = await (await browser.newContext({ bypassCSP: true })).newPage();
  await keyboard.goto(service.url + '/uitdagen/uitdaagrecht/formulier');
  const typed = {
    'veld-naam_initiatief': 'Buurttuin De Linde', 'veld-taak': 'Beheer van de buurttuin.',
    'veld-meerwaarde': 'Meer groen.', 'veld-kennis_en_ervaring': 'Tuiniers.', 'veld-kwaliteit_en_continuiteit': 'Rooster.',
    'veld-draagvlak': 'Veel buren.', 'veld-begroting': '4000', 'aanvrager-name': 'Buurtvereniging De Linde',
  };
  let pressed = 0;
  for (let i = 0; i < 400 && !/\/ontvangen$/.test(keyboard.url()); i += 1) {
    await keyboard.keyboard.press('Tab');
    const focus = await keyboard.evaluate(() => ({ id: document.activeElement.id, type: document.activeElement.type, value: document.activeElement.value, text: document.activeElement.textContent }));
    if (typed[focus.id] && focus.value === '') await keyboard.keyboard.type(typed[focus.id]);
    if (focus.id === 'veld-soort_indiener-1') await keyboard.keyboard.press('Space');
    if (focus.type === 'submit' && /Volgende stap|Uitdaging versturen/.test(focus.text)) {
      pressed += 1;
      await Promise.all([keyboard.waitForNavigation(), keyboard.keyboard.press('Enter')]);
    }
  }
  checks.ok(pressed >= 5, 'every step is left with the keyboard');
  checks.ok(/\/zaak\/[0-9-]+\/ontvangen$/.test(keyboard.url()), 'the form is sent with the keyboard only');
} catch (e) {
  checks.ok(false, `the journey stopped: ${e.stack || e}`);
  for (const ctx of browser.contexts()) {
    for (const p of ctx.pages()) {
      await p.screenshot({ path: path.join(screens, `stopped-${Date.now()}.png`), fullPage: true }).catch(() => {});
      console.error(`page at stop: ${p.url()}`);
    }
  }
  console.error(service.log().slice(-3000));
} finally {
  await browser.close();
  await service.stop();
}
console.log(`screenshots: ${screens}`);
checks.finish();
