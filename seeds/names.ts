/** Realistic German nonprofit names (umlauts, ß, and names in other scripts on purpose). */
export const ORGANISATION_NAMES = [
  'Lesewelt Bürgerstiftung e.V.', 'Straßenkinder Hilfe gGmbH', 'Grünes Klassenzimmer e.V.', 'Mütterzentrum Köln-Süd e.V.',
  'Zukunftswerkstatt Ökologie gGmbH', 'Stiftung Bürgermut', 'Tafel Größenwahn e.V.', 'Repair Café Netzwerk e.V.',
  'ArbeiterKind.de gGmbH', 'Rock Your Life! gGmbH', 'Balu und Du e.V.', 'Jugend hackt e.V.', 'Chancenwerk e.V.',
  'Buddy-Programm Süßwasser e.V.', 'Kulturloge Weißensee e.V.', 'Schülerpaten Fürth e.V.', 'Ärzte am Übergang e.V.',
  'Naturfreunde Ölmühle e.V.', 'Dialog macht Schule gGmbH', 'Begegnungscafé Añadir e.V.', 'Вместе – Miteinander e.V.',
  'Ελληνική Κοινότητα Nürnberg e.V.', 'Türkisch-Deutscher Elternverein Gießen e.V.', 'Polnischer Kulturverein Łódź–Leipzig e.V.',
  'Vietnamesischer Frauenverein Hoa Sen e.V.', 'Gemeinschaftsgarten Fröhliche Rübe e.V.', 'Bürgerenergie Schwäbisch Hall eG',
  'Mehrgenerationenhaus Dörfles e.V.', 'Inklusionsbetrieb Brückenschlag gGmbH', 'Leih-Opa Netzwerk e.V.',
  'Senioren lernen Online e.V.', 'Klimaschule Lübeck e.V.', 'Welcome Bäckerei gGmbH', 'Kiezküche Neukölln e.V.',
  'Hörgeschädigte Jugend Württemberg e.V.', 'Musik für alle Stiftung', 'Theater der Vielfalt e.V.', 'Stadtteilmütter Essen e.V.',
  'Lernpaten Saar e.V.', 'Mentor – Die Leselernhelfer Thüringen e.V.', 'Bildungsbrücke Ost gGmbH', 'Wald-Kindergarten Füchse e.V.',
  'Sozialhelden e.V.', 'Wheelmap Community e.V.', 'Demokratie leben! Sachsen e.V.', 'Jugendparlament Mecklenburg e.V.',
  'Gesundheitslotsen Hamburg e.V.', 'Pflege-Nachbarschaft Bremen e.V.', 'Café Mosaik Düsseldorf e.V.', 'Fahrradwerkstatt Üsküdar e.V.',
  'Nähcafé Schöneberg e.V.', 'Zirkus Zauberlei e.V.', 'Coding for Tomorrow gGmbH', 'Stiftung Lernen durch Engagement',
  'Frauen in MINT Rhein-Main e.V.', 'Ankommen in Brandenburg e.V.', 'Lebensmittelretter Münster e.V.', 'Bienenretter Allgäu e.V.',
  'Kinderuni Weiße Elster e.V.', 'Familienzentrum Hoffnungsschimmer e.V.', 'Nachbarschaftshilfe Gütersloh e.V.',
  'Jugendwerkstatt Flußufer gGmbH', 'Ehrenamtsagentur Ostholstein e.V.', 'Schreibwerkstatt für Geflüchtete e.V.',
  'Medienkompetenz für Ältere e.V.', 'Sportverein Inklusiv Mainz e.V.', 'Quartiersmanagement Grünau e.V.', 'Tiny Forest Deutschland e.V.',
  'Kreativhaus Görlitz e.V.', 'Offene Werkstatt Weimar e.V.', 'Hospizverein Lächeln e.V.', 'Mädchentreff Sternschnuppe e.V.',
] as const;

export const CITIES: Array<[string, string, string]> = [
  ['Berlin', 'Berlin', '10115'], ['Hamburg', 'Hamburg', '20095'], ['München', 'Bayern', '80331'], ['Köln', 'Nordrhein-Westfalen', '50667'],
  ['Frankfurt am Main', 'Hessen', '60311'], ['Stuttgart', 'Baden-Württemberg', '70173'], ['Düsseldorf', 'Nordrhein-Westfalen', '40213'],
  ['Leipzig', 'Sachsen', '04109'], ['Dresden', 'Sachsen', '01067'], ['Hannover', 'Niedersachsen', '30159'], ['Nürnberg', 'Bayern', '90402'],
  ['Bremen', 'Bremen', '28195'], ['Erfurt', 'Thüringen', '99084'], ['Rostock', 'Mecklenburg-Vorpommern', '18055'], ['Magdeburg', 'Sachsen-Anhalt', '39104'],
  ['Potsdam', 'Brandenburg', '14467'], ['Kiel', 'Schleswig-Holstein', '24103'], ['Saarbrücken', 'Saarland', '66111'], ['Mainz', 'Rheinland-Pfalz', '55116'],
  ['Gießen', 'Hessen', '35390'], ['Görlitz', 'Sachsen', '02826'], ['Lübeck', 'Schleswig-Holstein', '23552'], ['Würzburg', 'Bayern', '97070'],
];

export const FIRST_NAMES = ['Anna', 'Jürgen', 'Özlem', 'Björn', 'Małgorzata', 'Sören', 'Ayşe', 'Jörg', 'Zoë', 'Lena', 'Mehmet', 'Grete', 'Dmitrij', 'Sophie', 'Uwe', 'Chiara', 'Nguyễn', 'Hanna', 'Theo', 'Fatma', 'Konstantin', 'Marie', 'Ελένη', 'Ľubomír'];
export const LAST_NAMES = ['Müller', 'Schröder', 'Yılmaz', 'Weiß', 'Kowalski', 'Groß', 'Öztürk', 'Fuchs', 'Nguyen', 'Becker', 'Hoffmann', 'Krüger', 'Schäfer', 'Иванова', 'Brandt', 'Köhler', 'Lange', 'Papadopoulou', 'Meißner', 'Dvořák'];

export const FIELDS = ['education', 'social', 'environment', 'health', 'culture', 'integration', 'democracy', 'other'] as const;
export const LEGAL_FORMS = ['e_v', 'e_v', 'e_v', 'ggmbh', 'ggmbh', 'stiftung', 'genossenschaft'] as const;

/** Valid German IBANs (checksums computed), for demo payouts. */
export const DEMO_IBANS = [
  'DE89370400440532013000', 'DE02120300000000202051', 'DE02500105170137075030', 'DE88100900001234567892',
  'DE02100500000054540402', 'DE02300209000106531065', 'DE75512108001245126199', 'DE12500105170648489890',
];

/** A small deterministic pseudo-random generator, so the demo is the same on every machine. */
export function seededRandom(seed = 42) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
  };
}
