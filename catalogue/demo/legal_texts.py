"""Example texts of the legal pages for the demo: placeholders with the City of Solingen, not legal advice."""

EXAMPLE_DE = "Beispieltext der Demo – keine Rechtsberatung. Vor dem Betrieb durch den geprüften Text ersetzen."
EXAMPLE_EN = "Example text of the demo – not legal advice. Replace it with the reviewed text before going live."

LEGAL_PAGES = [
    {
        "slug": "impressum",
        "title_de": "Impressum",
        "title_en": "Legal notice",
        "body_de": f"""{EXAMPLE_DE}

Angaben gemäß § 5 Digitale-Dienste-Gesetz (DDG)

Stadt Solingen
Der Oberbürgermeister
Rathausplatz 1
42651 Solingen

Die Stadt Solingen ist eine Körperschaft des öffentlichen Rechts. Sie wird vertreten durch den Oberbürgermeister.

Kontakt
Telefon: 0212 290-0 (Beispiel)
E-Mail: glaeserne-werkstatt@solingen.example

Umsatzsteuer-Identifikationsnummer gemäß § 27a Umsatzsteuergesetz: DE000000000 (Beispiel)

Verantwortlich für den Inhalt: Projektteam Gläserne Werkstatt, Anschrift wie oben.

Die Produktpässe geben die Angaben der Hersteller wieder. Für deren Richtigkeit sind die Hersteller verantwortlich; \
was das Projekt geprüft hat, ist auf jedem Pass als „geprüft“ gekennzeichnet.""",
        "body_en": f"""{EXAMPLE_EN}

Information under § 5 of the German Digital Services Act (DDG)

City of Solingen
The Lord Mayor
Rathausplatz 1
42651 Solingen, Germany

The City of Solingen is a public-law body, represented by the Lord Mayor.

Contact
Phone: +49 212 290-0 (example)
E-mail: glaeserne-werkstatt@solingen.example

VAT identification number under § 27a of the German VAT Act: DE000000000 (example)

Responsible for the content: the Gläserne Werkstatt project team, address as above.

The product passports show what the makers state. The makers are responsible for it; what the project has checked \
is marked “verified” on every passport.""",
    },
    {
        "slug": "datenschutz",
        "title_de": "Datenschutzerklärung",
        "title_en": "Privacy policy",
        "body_de": f"""{EXAMPLE_DE}

Verantwortlich im Sinne der Datenschutz-Grundverordnung (Art. 13 DSGVO) ist die Stadt Solingen, Rathausplatz 1, \
42651 Solingen. Den behördlichen Datenschutzbeauftragten erreichen Sie unter datenschutz@solingen.example.

Wenn Sie Produktpässe lesen, verarbeiten wir nur, was für die Auslieferung der Seiten nötig ist: IP-Adresse, \
Zeitpunkt und aufgerufene Adresse, in Server-Protokollen, die nach sieben Tagen gelöscht werden \
(Art. 6 Abs. 1 lit. e DSGVO). Es gibt keine Werbung, kein Tracking und keine Inhalte Dritter.

Cookies: Ein Cookie merkt sich die gewählte Sprache; Anmeldung und Formulare verwenden technisch notwendige Cookies \
(Sitzung und Schutz vor gefälschten Anfragen).

Hersteller und Händler mit Konto: Wir verarbeiten Name, E-Mail-Adresse und die Daten, die Sie eingeben, um das \
Verzeichnis zu führen (Art. 6 Abs. 1 lit. e DSGVO).

Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung und Widerspruch sowie das \
Recht auf Beschwerde bei der Landesbeauftragten für Datenschutz und Informationsfreiheit Nordrhein-Westfalen.""",
        "body_en": f"""{EXAMPLE_EN}

The controller under the General Data Protection Regulation (Art. 13 GDPR) is the City of Solingen, Rathausplatz 1, \
42651 Solingen, Germany. You can reach its data protection officer at datenschutz@solingen.example.

When you read product passports we process only what delivering the pages needs: IP address, time and address \
requested, in server logs that are deleted after seven days (Art. 6(1)(e) GDPR). There is no advertising, no \
tracking and no third-party content.

Cookies: one cookie remembers the language you chose; signing in and forms use technically necessary cookies \
(the session and protection against forged requests).

Makers and retailers with an account: we process name, e-mail address and the data you enter, to run the \
catalogue (Art. 6(1)(e) GDPR).

You have the right of access, rectification, erasure, restriction of processing and objection, and the right to \
lodge a complaint with the data protection authority of North Rhine-Westphalia (LDI NRW).""",
    },
    {
        "slug": "barrierefreiheit",
        "title_de": "Erklärung zur Barrierefreiheit",
        "title_en": "Accessibility statement",
        "body_de": f"""{EXAMPLE_DE}

Die Stadt Solingen ist bemüht, die Gläserne Werkstatt im Einklang mit der Barrierefreie-Informationstechnik-\
Verordnung (BITV 2.0) und der Norm EN 301 549 barrierefrei zugänglich zu machen.

Stand der Vereinbarkeit: Diese Website ist weitgehend mit der BITV 2.0 vereinbar. Geprüft werden die öffentlichen \
Seiten bei jeder Änderung automatisch (axe, Nu HTML Checker) und mit Tastatur und Bildschirmleser.

Nicht barrierefreie Inhalte: Die interaktive API-Dokumentation ist für Entwicklerinnen und Entwickler gedacht und \
nur eingeschränkt barrierefrei. Von Herstellern eingegebene Texte liegen nur auf Deutsch vor.

Diese Erklärung wurde am 1. Dezember 2026 erstellt (Beispiel).

Feedback und Kontakt: Wenn Ihnen Barrieren auffallen, schreiben Sie an barrierefreiheit@solingen.example.

Schlichtungsverfahren: Wenn Sie keine zufriedenstellende Antwort erhalten, können Sie sich an die Ombudsstelle \
für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen wenden.""",
        "body_en": f"""{EXAMPLE_EN}

The City of Solingen strives to make the Gläserne Werkstatt accessible in accordance with the German Barrier-Free \
Information Technology Ordinance (BITV 2.0) and the standard EN 301 549.

Compliance status: this website is largely compliant with BITV 2.0. Its public pages are checked automatically on \
every change (axe, Nu HTML Checker) and by hand with a keyboard and a screen reader.

Content that is not accessible: the interactive API documentation is meant for developers and only partly \
accessible. Texts entered by the makers are available in German only.

This statement was prepared on 1 December 2026 (example).

Feedback and contact: if you come across a barrier, write to barrierefreiheit@solingen.example.

Enforcement procedure: if you do not receive a satisfactory answer, you can turn to the ombudsperson for \
accessible information technology of the State of North Rhine-Westphalia.""",
    },
]
