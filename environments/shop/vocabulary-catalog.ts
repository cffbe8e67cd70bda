import type { CategoryIcon } from './model.js';

/** The six departments and the product lines each can stock (ten are drawn per seed). */
export interface CategoryTemplate {
  slug: string;
  name: string;
  blurb: string;
  icon: CategoryIcon;
  tint: string;
  accent: string;
  skuPrefix: string;
  /** Optional name prefixes; a drawn product gets one about half the time. */
  prefixes: readonly string[];
  /** [name, typical price in dollars] */
  products: ReadonlyArray<readonly [string, number]>;
}

export const CATEGORY_TEMPLATES: readonly CategoryTemplate[] = [
  {
    slug: 'kitchen', name: 'Kitchen & Dining', blurb: 'Cookware, tableware and everyday kitchen tools', icon: 'pan',
    tint: '#fdf0e4', accent: '#c2410c', skuPrefix: 'KIT', prefixes: ['Classic', 'Artisan', 'Everyday', 'Nordic', 'Heritage'],
    products: [
      ['Cast Iron Skillet', 48], ['Chef Knife', 89], ['Pour-Over Coffee Set', 42], ['Stoneware Dinner Plates', 64],
      ['Ceramic Mixing Bowls', 38], ['Bamboo Cutting Board', 29], ['Copper Saucepan', 119], ['French Press', 35],
      ['Glass Storage Jars', 26], ['Linen Tea Towels', 18], ['Enamel Dutch Oven', 159], ['Espresso Cup Set', 32],
      ['Olive Wood Spoons', 22], ['Milk Frother', 27], ['Digital Kitchen Scale', 24], ['Salad Serving Bowl', 45],
    ],
  },
  {
    slug: 'home', name: 'Home & Decor', blurb: 'Textiles, lighting and finishing touches', icon: 'lamp',
    tint: '#eef2ff', accent: '#4f46e5', skuPrefix: 'HOM', prefixes: ['Sage', 'Oatmeal', 'Terracotta', 'Charcoal', 'Ivory'],
    products: [
      ['Linen Throw Pillow', 34], ['Wool Throw Blanket', 98], ['Ceramic Table Lamp', 129], ['Rattan Storage Basket', 44],
      ['Scented Soy Candle', 24], ['Walnut Picture Frame', 36], ['Jute Area Rug', 189], ['Glass Bud Vase', 19],
      ['Minimalist Wall Clock', 58], ['Cotton Duvet Cover', 139], ['Brass Candle Holders', 42], ['Velvet Cushion', 39],
      ['Woven Wall Hanging', 72], ['Marble Coasters', 28], ['Oak Floating Shelf', 64], ['Blackout Curtains', 79],
    ],
  },
  {
    slug: 'outdoor', name: 'Outdoor & Garden', blurb: 'Gear for trails, patios and growing things', icon: 'leaf',
    tint: '#e9f7ef', accent: '#15803d', skuPrefix: 'OUT', prefixes: ['Trailhead', 'Summit', 'Meadow', 'Coastal', 'Alpine'],
    products: [
      ['Insulated Water Bottle', 32], ['Camping Lantern', 39], ['Folding Camp Chair', 59], ['Trail Daypack', 84],
      ['Garden Tool Set', 46], ['Cedar Planter Box', 74], ['Hammock', 69], ['Picnic Blanket', 42],
      ['Bird Feeder', 28], ['Watering Can', 31], ['Solar String Lights', 36], ['Trekking Poles', 64],
      ['Cooler Bag', 48], ['Herb Seed Kit', 19], ['Tabletop Fire Pit', 139], ['Packable Rain Jacket', 95],
    ],
  },
  {
    slug: 'tech', name: 'Tech & Audio', blurb: 'Sound, power and desk upgrades', icon: 'headphones',
    tint: '#e8f4fd', accent: '#0369a1', skuPrefix: 'TEC', prefixes: ['Pro', 'Mini', 'Studio', 'Air', 'Max'],
    products: [
      ['Wireless Earbuds', 129], ['Bluetooth Speaker', 79], ['Noise-Cancelling Headphones', 249], ['USB-C Charging Hub', 49],
      ['Wireless Charging Pad', 35], ['Mechanical Keyboard', 119], ['Aluminum Laptop Stand', 45], ['Portable Power Bank', 55],
      ['Smart LED Bulb', 19], ['HD Webcam', 69], ['Ergonomic Mouse', 59], ['Phone Tripod', 29],
      ['Desk Lamp with USB', 64], ['Cable Organizer Kit', 17], ['Smart Plug', 22], ['Turntable', 229],
    ],
  },
  {
    slug: 'stationery', name: 'Books & Stationery', blurb: 'Paper, pens and tools for making things', icon: 'pen',
    tint: '#fef6e0', accent: '#a16207', skuPrefix: 'STA', prefixes: ['Studio', 'Field', 'Atelier', 'Pocket', 'Archive'],
    products: [
      ['Dotted Notebook', 18], ['Fountain Pen', 54], ['Leather Journal', 42], ['Weekly Planner', 26],
      ['Watercolor Paint Set', 38], ['Brush Pen Set', 21], ['Desk Organizer', 34], ['Sketchbook', 16],
      ['Washi Tape Set', 12], ['Brass Bookmark', 14], ['Recipe Card Box', 29], ['Wax Seal Kit', 32],
      ['Canvas Pencil Case', 15], ['Greeting Card Set', 19], ['Wall Calendar 2027', 24], ['Mini Label Maker', 39],
    ],
  },
  {
    slug: 'wellness', name: 'Bath & Wellness', blurb: 'Soft towels, calm rituals and self-care', icon: 'drop',
    tint: '#fcecf3', accent: '#be185d', skuPrefix: 'WEL', prefixes: ['Cloud', 'Eucalyptus', 'Lavender', 'Cedar', 'Seaside'],
    products: [
      ['Cotton Bath Towel', 29], ['Bamboo Bath Mat', 34], ['Essential Oil Diffuser', 46], ['Bath Salts', 18],
      ['Cork Yoga Mat', 68], ['Foam Roller', 32], ['Silk Sleep Mask', 24], ['Shea Body Butter', 21],
      ['Konjac Face Sponge', 9], ['Waffle Bathrobe', 79], ['Hand Soap Refill', 14], ['Acupressure Mat', 44],
      ['Shower Steamers', 16], ['Teak Bath Caddy', 58], ['Jade Face Roller', 26], ['Weighted Eye Pillow', 22],
    ],
  },
];

export const BRANDS: Record<string, readonly string[]> = {
  kitchen: ['Hearthstone', 'Ember & Oak', 'Sable Kitchen'],
  home: ['Lumen Loft', 'Juniper House', 'Fable Home'],
  outdoor: ['Ridgeway', 'Northtrail', 'Fernbrook'],
  tech: ['Voltaic', 'Audiora', 'Kestrel Labs'],
  stationery: ['Inkwell & Co.', 'Paperlark', 'Quillmark'],
  wellness: ['Saltwater', 'Calm Grove', 'Tidepool'],
};

export const MATERIALS: Record<string, readonly string[]> = {
  kitchen: ['Cast iron', 'Stoneware', 'Stainless steel', 'Borosilicate glass', 'Olive wood', 'Enameled steel'],
  home: ['Linen', 'Merino wool', 'Rattan', 'Solid walnut', 'Cotton sateen', 'Brass'],
  outdoor: ['Ripstop nylon', 'Cedar', 'Powder-coated steel', 'Recycled polyester', 'Aluminum'],
  tech: ['Anodized aluminum', 'Recycled plastic', 'Silicone', 'Woven fabric', 'Tempered glass'],
  stationery: ['Acid-free paper', 'Vegetable-tanned leather', 'Brass', 'Canvas', 'Recycled card'],
  wellness: ['Organic cotton', 'Bamboo', 'Mulberry silk', 'Natural cork', 'Teak'],
};

export const COLORS: readonly string[] = [
  'Natural', 'Charcoal', 'Sage green', 'Terracotta', 'Ivory', 'Navy', 'Mustard', 'Slate blue', 'Blush', 'Black', 'Oat',
];

export const DESCRIPTIONS: Record<string, readonly string[]> = {
  kitchen: [
    'Built to handle daily cooking and look good doing it.',
    'Dishwasher safe and designed to stack neatly in small kitchens.',
    'Balanced weight and a comfortable grip make long prep sessions easier.',
    'Finished by hand, so every piece has slight variations in tone.',
    'A favorite with home cooks who want restaurant results without the fuss.',
    'Heats evenly and cleans up with warm water and a soft cloth.',
  ],
  home: [
    'Adds warmth and texture to a living room or bedroom.',
    'Made in small batches by a family-run workshop.',
    'Pairs with both modern and vintage interiors.',
    'Softens with every wash and keeps its shape.',
    'Designed to be displayed, not hidden away in a cupboard.',
    'A thoughtful housewarming gift that arrives ready to wrap.',
  ],
  outdoor: [
    'Tough enough for weekend trips and light enough to carry all day.',
    'Weather resistant and easy to wipe clean after muddy adventures.',
    'Packs down small, so it fits in a trunk or a daypack.',
    'Tested by our team on coastal trails and mountain campsites.',
    'Built from materials that stand up to sun, rain and frost.',
    'Great for balconies, backyards and community gardens.',
  ],
  tech: [
    'Pairs in seconds and remembers up to eight devices.',
    'A clean, minimal design that fits any desk setup.',
    'Fast charging keeps you going from morning to night.',
    'Firmware updates arrive automatically through the companion app.',
    'Rated highly for reliability and a two-year warranty.',
    'Quietly powerful, with controls that make sense at first touch.',
  ],
  stationery: [
    'Smooth, bleed-resistant paper that loves fountain pen ink.',
    'Lays flat when open, which makes sketching and journaling easy.',
    'A small luxury for your desk that you will use every day.',
    'Thoughtfully designed by illustrators and letter writers.',
    'Refillable and built to last for years, not months.',
    'Makes a lovely gift for students, artists and planners.',
  ],
  wellness: [
    'Gentle on skin and made without harsh fragrances or dyes.',
    'Turns an ordinary evening into a small ritual.',
    'Quick drying and soft from the very first use.',
    'Sustainably sourced and packaged without plastic.',
    'Recommended by our customers for better rest and recovery.',
    'Compact enough to pack for travel or the gym.',
  ],
};
