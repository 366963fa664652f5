// Letters as the templates render them: templates/besluit_afwijzing.mustache with its partials
// (_briefhoofd, _aanhef, _motivering_criteria, _bezwaarclausule, _ondertekening) filled in with
// sample values, the way kainjow Mustache escapes them.
#pragma once

#include <map>
#include <string>

#include "uitdaag/pdf.h"

namespace uitdaag::testing {

// The class names of templates/ and the layout role each asks for.
inline std::map<std::string, PdfBlockRole, std::less<>> LetterClassRoles() {
  return {
      {"afzender", PdfBlockRole::kSenderAddress},
      {"geadresseerde", PdfBlockRole::kRecipientAddress},
      {"kenmerken", PdfBlockRole::kReferenceTable},
      {"onderwerp", PdfBlockRole::kSubject},
      {"vrije-tekst", PdfBlockRole::kQuotedText},
      {"criteria", PdfBlockRole::kDataTable},
      {"overzicht", PdfBlockRole::kDataTable},
      {"ondertekening", PdfBlockRole::kClosing},
      {"ondertekenaar", PdfBlockRole::kSigner},
      {"handtekeningen", PdfBlockRole::kSignatureTable},
  };
}

// A rejection decision with the statement of reasons per criterion. Free text typed by the
// initiator contains a script tag and quotes, escaped by Mustache.
inline const char* const kRejectionLetter = R"HTML(<div class="afzender">
  <p>Gemeente Voorbeeldstad<br>
  Postbus 1234<br>
  1000 AB Voorbeeldstad</p>
</div>
<div class="geadresseerde">
  <p>Stichting Buurtgroen Oost<br>
  t.a.v. mevrouw J. de Vries<br>
  
  Lindelaan 12<br>
  1234 AB Voorbeeldstad</p>
</div>
<table class="kenmerken">
  <tr><th scope="row">Datum</th><td>13 maart 2026</td></tr>
  <tr><th scope="row">Zaaknummer</th><td>2026-000042</td></tr>
  
  <tr><th scope="row">Behandeld door</th><td>P. Jansen</td></tr>
  
</table>
<p class="onderwerp"><strong>Onderwerp:</strong> besluit over uw uitdaging “Groen onderhoud Lindelaan”</p>


<p>Beste mevrouw J. de Vries,</p>



<p>Op 2 januari 2026 heeft u uw uitdaging “Groen onderhoud Lindelaan” bij ons ingediend. U wilt de volgende taak van de gemeente overnemen:</p>
<div class="vrije-tekst" style="white-space: pre-line">Het onderhoud van het openbaar groen aan de Lindelaan en het Eikenplein: maaien, snoeien en het bijhouden van de plantvakken.
Wij werken met twaalf vrijwilligers uit de buurt &amp; een hovenier.
Opmerking: &lt;script&gt;alert(1)&lt;/script&gt; en &quot;aanhalingstekens&quot; en &#39;apostrof&#39;.</div>
<p>Dank u wel voor uw inzet en voor de tijd die u in uw plan heeft gestoken. In deze brief leest u ons besluit.</p>

<h2>Ons besluit</h2>
<p>Wij wijzen uw uitdaging af. Dat betekent dat de gemeente de taak zelf blijft uitvoeren, of laat uitvoeren zoals nu. Wij nemen dit besluit als het college van burgemeester en wethouders, op grond van de Verordening uitdaagrecht Voorbeeldstad 2025.</p>

<h2>Waarom nemen wij dit besluit?</h2>
<div class="vrije-tekst" style="white-space: pre-line">Het plan is sympathiek, maar de continuïteit is onvoldoende geregeld.
Bij uitval van de hovenier is er niemand die de snoeiwerkzaamheden veilig kan uitvoeren.</div>

<h2>Onze beoordeling per punt</h2>
<p>Wij hebben uw uitdaging beoordeeld op de punten uit de Verordening uitdaagrecht Voorbeeldstad 2025. Bij elk punt staat de score die wij geven en waarom. Een punt is voldoende als de score minstens de minimumscore is.</p>
<table class="criteria">
  <thead>
    <tr><th scope="col">Punt</th><th scope="col">Score</th><th scope="col">Voldoende?</th><th scope="col">Waarom</th></tr>
  </thead>
  <tbody>
    
    <tr>
      <td>Maatschappelijke meerwaarde</td>
      <td>4 van 5</td>
      <td>ja</td>
      <td style="white-space: pre-line">Het plan betrekt veel buurtbewoners en versterkt de sociale samenhang in de wijk.</td>
    </tr>
    
    <tr>
      <td>Continuïteit</td>
      <td>1 van 5</td>
      <td>nee (minimaal 3 nodig)</td>
      <td style="white-space: pre-line">Er is één hovenier; bij uitval staat het werk stil.
Een vervangingsregeling ontbreekt.</td>
    </tr>
    
    <tr>
      <td>Kosten</td>
      <td>3 van 5</td>
      <td>ja</td>
      <td style="white-space: pre-line">De begroting van € 18.500 per jaar is reëel.</td>
    </tr>
    
  </tbody>
</table>
<p>Gewogen totaalscore: 8 van de 15 punten. Op 1 punt(en) is de score onvoldoende.</p>


<h2>Hoe nu verder?</h2>
<p>Wij begrijpen dat dit besluit teleurstellend kan zijn. Misschien kunt u uw plan op een andere manier uitvoeren, of samen met ons een kleiner deel oppakken. Wij denken daar graag over mee. Neem gerust contact met ons op.</p>


<h2>Bent u het niet eens met dit besluit?</h2>
<p>Dan kunt u bezwaar maken. Dat kunnen ook anderen die rechtstreeks door dit besluit worden geraakt (belanghebbenden, artikel 1:2 van de Algemene wet bestuursrecht).</p>
<ul>
  <li><strong>Termijn:</strong> u maakt bezwaar binnen zes weken. Die zes weken beginnen op de dag na de dag waarop wij deze brief hebben verstuurd (artikel 6:7 en 6:8 Awb). Uw bezwaar moet dus uiterlijk op 24 april 2026 bij ons binnen zijn.</li>
  <li><strong>Aan wie:</strong> u stuurt uw bezwaarschrift aan het college van burgemeester en wethouders, Postbus 1234, 1000 AB Voorbeeldstad. U kunt ook digitaal bezwaar maken via www.voorbeeldstad.nl/bezwaar.</li>
  <li><strong>Wat zet u erin:</strong> uw naam en adres, de datum, het zaaknummer 2026-000042 of een kopie van deze brief, waarom u het niet eens bent met het besluit, en uw handtekening (artikel 6:5 Awb).</li>
</ul>
<p>Bezwaar maken is gratis. Het besluit blijft gelden zolang er op uw bezwaar nog niet is beslist. Is er een spoedeisend belang? Dan kunt u, nadat u bezwaar heeft gemaakt, de voorzieningenrechter van de rechtbank Noord-Holland vragen om een voorlopige voorziening (artikel 8:81 Awb). Daarvoor betaalt u griffierecht.</p>
<p>Wilt u eerst met ons praten over het besluit? Dat kan altijd. Neem dan contact met ons op. Let op: een gesprek zet de bezwaartermijn niet stil.</p>


<h2>Vragen?</h2>

<p>Heeft u vragen over deze brief? Neem dan contact op met P. Jansen, telefoon 020 123 45 67, e-mail p.jansen@voorbeeldstad.nl. Noemt u dan uw zaaknummer 2026-000042?</p>


<p>Meer informatie over het uitdaagrecht vindt u op www.voorbeeldstad.nl/uitdaagrecht.</p>

<p class="ondertekening">Met vriendelijke groet,<br>
namens het college van burgemeester en wethouders,</p>
<p class="ondertekenaar">drs. A.B. de Boer<br>
teamleider Wijken</p>
)HTML";

// Letter options as the letter renderer fills them.
inline PdfOptions LetterOptions() {
  PdfOptions options;
  options.title = "Besluit op uw uitdaging";
  options.subject = "Zaak 2026-000042";
  options.author = "Gemeente Voorbeeldstad";
  options.keywords = "besluit_afwijzing 2026-000042";
  options.creator = "uitdaag";
  options.letterhead.name = "Gemeente Voorbeeldstad";
  options.letterhead.lines = {"Stadhuisplein 1, 1000 AA Voorbeeldstad",
                              "Postbus 1234, 1000 AB Voorbeeldstad",
                              "Telefoon 14 020 · www.voorbeeldstad.nl"};
  options.footer = "Zaaknummer 2026-000042";
  options.page_label = [](int page, int pages) {
    return "pagina " + std::to_string(page) + " van " + std::to_string(pages);
  };
  options.class_roles = LetterClassRoles();
  return options;
}

}  // namespace uitdaag::testing
