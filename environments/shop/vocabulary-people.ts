/** Names, places and review text for the seeded shop. */

export const FIRST_NAMES = [
  'Maya',
  'Jonah',
  'Priya',
  'Lucas',
  'Amara',
  'Theo',
  'Sofia',
  'Daniel',
  'Hana',
  'Mateo',
  'Olivia',
  'Kenji',
  'Zara',
  'Elias',
  'Nora',
  'Samir',
  'Ingrid',
  'Felix',
  'Leila',
  'Owen',
  'Chloe',
  'Ravi',
  'Greta',
  'Tomas',
  'Imani',
  'Jasper',
  'Ruth',
  'Diego',
  'Annika',
  'Malik',
  'Yuki',
  'Clara',
] as const;

export const LAST_NAMES = [
  'Chen',
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Patel',
  'Novak',
  'Alvarez',
  'Brennan',
  'Takahashi',
  'Haddad',
  'Fischer',
  'Osei',
  'Romero',
  'Kowalski',
  'Nguyen',
  'Sato',
  'Ibrahim',
  'Walsh',
  'Costa',
  'Bauer',
  'Larsen',
  'Mensah',
] as const;

/** Streets, cities and postal codes that belong to one country. */
export const PLACES: ReadonlyArray<{
  country: 'US' | 'CA' | 'GB';
  streets: readonly string[];
  cities: ReadonlyArray<readonly [string, string]>;
}> = [
  {
    country: 'US',
    streets: ['Alder Street', 'Harbor Lane', 'Maple Avenue', 'Willow Court', 'Cedar Ridge Road', 'Juniper Way', 'Orchard Drive'],
    cities: [
      ['Portland', '97214'],
      ['Austin', '78704'],
      ['Madison', '53703'],
      ['Asheville', '28801'],
      ['Boulder', '80302'],
    ],
  },
  {
    country: 'CA',
    streets: ['Bloor Street West', 'Rue Saint-Denis', 'Granville Street', 'Spadina Avenue', 'Jasper Avenue'],
    cities: [
      ['Toronto', 'M5S 1W1'],
      ['Montreal', 'H2X 3K5'],
      ['Vancouver', 'V6H 3G1'],
      ['Ottawa', 'K1N 5Z4'],
    ],
  },
  {
    country: 'GB',
    streets: ['Mill Road', 'Chapel Street', 'Victoria Terrace', 'Kings Road', 'Elm Grove'],
    cities: [
      ['Bristol', 'BS6 5AJ'],
      ['Leeds', 'LS6 2AB'],
      ['Edinburgh', 'EH3 9DR'],
      ['Brighton', 'BN1 4GH'],
    ],
  },
];

export const CARD_BRANDS = ['Visa', 'Mastercard', 'American Express'] as const;

export const CARRIERS = ['UPS', 'FedEx', 'USPS', 'DHL Express'] as const;

export const DELIVERY_NOTES = [
  'Leave the parcel with the concierge.',
  'Please ring the bell twice.',
  'Side door, next to the bike rack.',
  '',
  '',
  '',
] as const;

/** Review titles and bodies by sentiment: positive (4-5), mixed (3), negative (1-2). */
export const REVIEW_TITLES = {
  positive: [
    'Exactly what I hoped for',
    'Beautiful and well made',
    'Worth every penny',
    'Use it every single day',
    'Better than the photos',
    'Great quality for the price',
    'A lovely gift',
    'Bought a second one',
    'Sturdy and stylish',
    'Highly recommend',
    'Five stars from our household',
    'Perfect size',
  ],
  mixed: [
    'Good, not great',
    'Nice but a little small',
    'Does the job',
    'Solid, with one quibble',
    'Decent value',
    'Fine for the price',
    'Pretty, but fussy to clean',
    'Middle of the road',
  ],
  negative: [
    'Disappointed',
    'Did not last',
    'Not as pictured',
    'Arrived scratched',
    'Would not buy again',
    'Returned it',
    'Not worth the money',
  ],
} as const;

export const REVIEW_BODIES = {
  positive: [
    'The quality surprised me and it arrived two days early.',
    'Looks great in our apartment and feels much more expensive than it was.',
    'I have used it daily for a month and it still looks brand new.',
    'Packaging was plastic-free and the finish is flawless.',
    'My partner liked it so much that I ordered another one as a gift.',
    'Easy to clean, well balanced and exactly the size described.',
    'Customer service answered my question within an hour.',
    'The color is warmer in person, which we actually prefer.',
  ],
  mixed: [
    'Works fine, though the instructions could be clearer.',
    'Nice design, but it is a bit smaller than I expected.',
    'Good overall, shipping took longer than promised.',
    'Does what it says, nothing more and nothing less.',
    'The finish is lovely but it marks easily.',
    'Smaller than it looked online, though well made.',
    'Handy, but the packaging was excessive.',
    'Took a while to get used to, now it is fine.',
  ],
  negative: [
    'One corner was chipped when it arrived and the replacement took weeks.',
    'It stopped working properly after a few weeks of light use.',
    'The color looks nothing like the product photos.',
    'Feels flimsy for the price and I ended up returning it.',
    'The seams started to fray within a month.',
    'Much lighter and thinner than the description suggests.',
  ],
} as const;
