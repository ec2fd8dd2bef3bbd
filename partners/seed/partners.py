"""The 29 partners the old page lists under "Unsere Partner:", with kind and place.

Kind and place come from the name alone; where the name names no place, the place stays
empty. Nothing else is known about the partners, so websites, dates, logos and
self-commitments stay empty until the editors fill them.
"""

from partners.models import PartnerKind as Kind

PARTNERS = (
    ("Arbeiter-Samariter-Bund Regionalverband Ruhr e.V.", Kind.WELFARE_OR_SPORTS, "Ruhr"),
    ("Bezirksregierung Arnsberg", Kind.AUTHORITY, "Arnsberg"),
    ("Bezirksregierung Detmold", Kind.AUTHORITY, "Detmold"),
    ("Bezirksregierung Düsseldorf", Kind.AUTHORITY, "Düsseldorf"),
    ("Bezirksregierung Münster", Kind.AUTHORITY, "Münster"),
    ("Caritasverband für den Kreis Unna e.V.", Kind.WELFARE_OR_SPORTS, "Kreis Unna"),
    ("Deutscher Paritätischer Wohlfahrtsverband NRW", Kind.WELFARE_OR_SPORTS, "NRW"),
    ("IHK NRW", Kind.CHAMBER, "NRW"),
    ("Jobcenter StädteRegion Aachen", Kind.JOB_CENTRE, "StädteRegion Aachen"),
    ("Jobcenter Dortmund", Kind.JOB_CENTRE, "Dortmund"),
    ("Jobcenter Duisburg", Kind.JOB_CENTRE, "Duisburg"),
    ("Kreis Lippe", Kind.DISTRICT_OR_CITY, "Kreis Lippe"),
    ("Kreis Soest", Kind.DISTRICT_OR_CITY, "Kreis Soest"),
    ("Landessportbund NRW", Kind.WELFARE_OR_SPORTS, "NRW"),
    ("Landesverband der Musikschulen in NRW e.V.", Kind.ASSOCIATION, "NRW"),
    ("Landesverband der Volkshochschulen von NRW e.V.", Kind.ASSOCIATION, "NRW"),
    # A regional self-government body of the municipalities: a public authority.
    ("Landschaftsverband Rheinland", Kind.AUTHORITY, "Rheinland"),
    ("Multikulturelles Forum e.V. Lünen", Kind.ASSOCIATION, "Lünen"),
    ("Polizei Gelsenkirchen", Kind.POLICE, "Gelsenkirchen"),
    ("Polizeipräsidium Dortmund", Kind.POLICE, "Dortmund"),
    ("Rheinbahn AG Düsseldorf", Kind.COMPANY, "Düsseldorf"),
    ("Rhein-Sieg-Kreis", Kind.DISTRICT_OR_CITY, "Rhein-Sieg-Kreis"),
    ("Stadt Duisburg", Kind.DISTRICT_OR_CITY, "Duisburg"),
    ("Stadt Gelsenkirchen", Kind.DISTRICT_OR_CITY, "Gelsenkirchen"),
    ("Stadt Jülich", Kind.DISTRICT_OR_CITY, "Jülich"),
    ("Stadt Solingen", Kind.DISTRICT_OR_CITY, "Solingen"),
    # A cooperation of several cities; the name says neither which nor where.
    ("Städtekooperation Integration.Interkommunal", Kind.OTHER, ""),
    # The umbrella of the crafts chambers; "westdeutsch" names no place.
    ("Westdeutscher Handwerkskammertag", Kind.CHAMBER, ""),
    ("Westdeutscher Rundfunk", Kind.BROADCASTER, ""),
)
