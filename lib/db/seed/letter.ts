/**
 * The Permanent Secretary's letter of 7 October 2021 to the Public Accounts Committee, as the covering
 * text of the "2021 Q4" update (from nledp-roadmap-letter-2021-10-07.txt, emphasis marks removed).
 */
export const LETTER_2021_10_07 = `Home Office
Permanent Secretary
2 Marsham Street
London SW1P 4DF
www.gov.uk/home-office

Meg Hillier MP
Chair, Public Accounts Committee
House of Commons
London
SW1A 0AA

7 October 2021

RE: NATIONAL LAW ENFORCEMENT DATA PROGRAMME – PRODUCT ROADMAP

Dear Chair,

Thank you again for the opportunity to discuss with the Committee on 16 September the National Law Enforcement Data Programme. As requested, please find attached a roadmap of product deliverables over the next calendar year.

By way of background the roadmap looks ahead 12 months and refers to the first six product areas:

- Photographs at the Roadside – (driver image from Driving Licence viewable on police-issued mobile devices) already live in 22 police forces, with coverage in all four nations of the United Kingdom, and is expected to be live in a total of 38 by the end of 2021.
- Property – (an improved register of stolen property) beta release planned for March 2022.
- Drivers – (full DVLA driver information accessible at roadside including driver image) builds on previous design work developed prior to reset, expected beta release in March 2022.
- Person – (more accessible compliant information about people of interest with automated alerts to new data - beginning with a focus on wanted people) discovery/alpha phase for the first of a set of 9 person products to conclude during 1st Quarter 2022.
- Audit – (improved functionality supporting audit investigation underlying all products) discovery and alpha work underway building on previous design and development work to support early releases.
- Vehicles – (improved real-time access to DVLA data and supplementary information on vehicles) pre-discovery phase expected to conclude by end of 2021.

The roadmap will be iterative, updated each quarter for the year ahead. The adoption of an agile and iterative approach is an important requirement on the programme as part of its reset. It will make the programme more deliverable and better able to add value.

The effective and timely delivery of NLEDP products beyond their individual design and build will be dependent on three main factors:

- Successful pilot of 2 way replication of data between the LEDS environment and PNC (this allows both systems to be run in parallel supporting multi-speed adoption rather than a 'big bang' approach)
- A robust approach and plan for the adoption of products by policing and other agencies
- A secure and flexible platform able to support agile development.

I trust that this is helpful and as always stand ready to provide further information to assist the Committee if needed.

Yours sincerely,

Matthew Rycroft
Permanent Secretary`;
