import { TODAY, addDays, daysBetween, timestampOn } from './clock.js';
import { createRandom, type Random } from '../kit/random.js';
import { generateAccount, generateCommerce } from './data-orders.js';
import type { Category, Product, Review, ShopData } from './model.js';
import { BRANDS, CATEGORY_TEMPLATES, COLORS, DESCRIPTIONS, MATERIALS } from './vocabulary-catalog.js';
import { FIRST_NAMES, LAST_NAMES, REVIEW_BODIES, REVIEW_TITLES } from './vocabulary-people.js';

const PRODUCTS_PER_CATEGORY = 10;

/** Deterministic shop data: the same seed always gives byte-identical records. */
export function generateData(seed: number): ShopData {
  const random = createRandom(seed);
  const categories = CATEGORY_TEMPLATES.map((template, index): Category => ({
    id: index + 1,
    slug: template.slug,
    name: template.name,
    blurb: template.blurb,
    icon: template.icon,
    tint: template.tint,
    accent: template.accent,
  }));
  const products = generateProducts(random, categories);
  const reviews = generateReviews(random, products);
  const account = generateAccount(random);
  const commerce = generateCommerce(random, products, account);
  return { ...account, categories, products, reviews, ...commerce };
}

/** A price in cents near `dollars`, ending in .99, .95, .50 or .00. */
function priceNear(random: Random, dollars: number): number {
  const whole = Math.max(5, Math.round(dollars * (0.85 + random.next() * 0.3)));
  const ending = random.weighted([
    [99, 5],
    [95, 2],
    [50, 1],
    [0, 2],
  ] as const);
  return ending === 0 ? whole * 100 : (whole - 1) * 100 + ending;
}

function generateProducts(random: Random, categories: Category[]): Product[] {
  const products: Product[] = [];
  const usedSkus = new Set<string>();
  CATEGORY_TEMPLATES.forEach((template, index) => {
    const category = categories[index]!;
    for (const [baseName, dollars] of random.shuffle(template.products).slice(0, PRODUCTS_PER_CATEGORY)) {
      let sku = '';
      do sku = `${template.skuPrefix}-${random.int(1000, 9999)}`;
      while (usedSkus.has(sku));
      usedSkus.add(sku);
      const price = priceNear(random, dollars);
      const onSale = random.chance(0.2);
      const stock = random.weighted([
        [0, 8],
        [random.int(1, 4), 15],
        [random.int(5, 20), 40],
        [random.int(21, 80), 37],
      ] as const);
      products.push({
        id: products.length + 1,
        sku,
        name: random.chance(0.45) ? `${random.pick(template.prefixes)} ${baseName}` : baseName,
        categoryId: category.id,
        brand: random.pick(BRANDS[template.slug]!),
        price,
        compareAtPrice: onSale ? Math.round((price * (1.2 + random.next() * 0.25)) / 100) * 100 - 1 : null,
        stock,
        description: random.shuffle(DESCRIPTIONS[template.slug]!).slice(0, 2).join(' '),
        material: random.pick(MATERIALS[template.slug]!),
        color: random.pick(COLORS),
        dimensions: `${random.int(8, 60)} × ${random.int(6, 45)} × ${random.int(2, 30)} cm`,
        weight: random.chance(0.5) ? `${random.int(90, 950)} g` : `${(random.int(11, 95) / 10).toFixed(1)} kg`,
        addedOn: addDays(TODAY, -random.int(5, 420)),
      });
    }
  });
  return products;
}

function generateReviews(random: Random, products: Product[]): Review[] {
  const drafts: Array<Omit<Review, 'id'>> = [];
  for (const product of products) {
    const count = random.chance(0.08) ? 0 : random.int(1, 8);
    const quality = 3.1 + random.next() * 1.8;
    // Each product draws its titles and bodies without repeats (until a pool runs out).
    const titles = {
      positive: random.shuffle(REVIEW_TITLES.positive),
      mixed: random.shuffle(REVIEW_TITLES.mixed),
      negative: random.shuffle(REVIEW_TITLES.negative),
    };
    const bodies = {
      positive: random.shuffle(REVIEW_BODIES.positive),
      mixed: random.shuffle(REVIEW_BODIES.mixed),
      negative: random.shuffle(REVIEW_BODIES.negative),
    };
    const used = { positive: 0, mixed: 0, negative: 0 };
    for (let index = 0; index < count; index++) {
      const rating = Math.min(5, Math.max(1, Math.round(quality + (random.next() * 2.4 - 1.5))));
      const tone = rating >= 4 ? 'positive' : rating === 3 ? 'mixed' : 'negative';
      const age = Math.max(1, Math.min(random.int(1, 300), daysBetween(product.addedOn, TODAY) - 1));
      drafts.push({
        productId: product.id,
        authorName: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)[0]}.`,
        title: titles[tone][used[tone] % titles[tone].length]!,
        rating,
        body: bodies[tone][used[tone]++ % bodies[tone].length]!,
        createdAt: timestampOn(addDays(TODAY, -age), random.int(7 * 60, 23 * 60)),
        mine: false,
      });
    }
  }
  return drafts.map((draft, index) => ({ id: index + 1, ...draft }));
}
