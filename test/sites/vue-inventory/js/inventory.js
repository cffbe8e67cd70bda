/* Fernwood Goods – inventory admin.
 * Vue 3 (global build), no bundler. Data is kept in localStorage under STORAGE_KEY
 * and seeded from SEED_PRODUCTS the first time the key is missing. */
(function (Vue) {
  'use strict';

  const { createApp, ref, reactive, computed, watch, nextTick, onMounted } = Vue;

  const STORAGE_KEY = 'fernwood-inventory';
  const CATEGORIES = ['Kitchen', 'Textiles', 'Home', 'Garden', 'Stationery'];
  const LOW_STOCK_LIMIT = 5;
  const EXPORT_DATE = '2026-03-14';

  const SEED_PRODUCTS = [
    { id: 101, name: 'Ceramic Pour-Over Dripper', sku: 'FG-KIT-001', category: 'Kitchen', price: 28.0, stock: 14, status: 'Active' },
    { id: 102, name: 'Linen Tea Towel Set', sku: 'FG-TEX-014', category: 'Textiles', price: 18.5, stock: 3, status: 'Active' },
    { id: 103, name: 'Beeswax Taper Candles', sku: 'FG-HOM-022', category: 'Home', price: 12.0, stock: 26, status: 'Active' },
    { id: 104, name: 'Walnut Serving Board', sku: 'FG-KIT-031', category: 'Kitchen', price: 64.0, stock: 5, status: 'Active' },
    { id: 105, name: 'Enamel Camp Mug', sku: 'FG-KIT-008', category: 'Kitchen', price: 16.0, stock: 0, status: 'Active' },
    { id: 106, name: 'Wool Throw Blanket', sku: 'FG-TEX-003', category: 'Textiles', price: 129.0, stock: 7, status: 'Active' },
    { id: 107, name: 'Stoneware Planter, Small', sku: 'FG-GAR-010', category: 'Garden', price: 22.0, stock: 18, status: 'Active' },
    { id: 108, name: 'Brass Plant Mister', sku: 'FG-GAR-015', category: 'Garden', price: 34.0, stock: 2, status: 'Active' },
    { id: 109, name: 'Cedar Soy Candle', sku: 'FG-HOM-027', category: 'Home', price: 26.0, stock: 11, status: 'Active' },
    { id: 110, name: 'Cotton Market Tote', sku: 'FG-TEX-019', category: 'Textiles', price: 15.0, stock: 40, status: 'Active' },
    { id: 111, name: 'Glass Storage Jar 1L', sku: 'FG-KIT-044', category: 'Kitchen', price: 9.5, stock: 4, status: 'Active' },
    { id: 112, name: 'Pruning Snips', sku: 'FG-GAR-002', category: 'Garden', price: 39.0, stock: 9, status: 'Active' },
    { id: 113, name: 'Recycled Paper Notebook', sku: 'FG-STA-006', category: 'Stationery', price: 8.0, stock: 33, status: 'Active' },
    { id: 114, name: 'Indigo Fountain Pen Ink', sku: 'FG-STA-012', category: 'Stationery', price: 14.0, stock: 0, status: 'Archived' },
    { id: 115, name: 'Rattan Coaster Set', sku: 'FG-HOM-009', category: 'Home', price: 19.0, stock: 6, status: 'Archived' },
  ];

  const money = (n) => '$' + Number(n || 0).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const clone = (v) => JSON.parse(JSON.stringify(v));

  function readStore() {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw === null) {
      const seeded = clone(SEED_PRODUCTS);
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, products: seeded }));
      return seeded;
    }
    try {
      const parsed = JSON.parse(raw);
      if (parsed && Array.isArray(parsed.products)) return parsed.products;
    } catch (err) {
      console.warn('inventory: could not parse stored data, reseeding', err);
    }
    return clone(SEED_PRODUCTS);
  }

  function writeStore(products) {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, products }));
  }

  function validate(draft, takenSkus, ownSku) {
    const errors = {};
    if (!String(draft.name || '').trim()) errors.name = 'Name is required.';
    const sku = String(draft.sku || '').trim().toUpperCase();
    if (!sku) errors.sku = 'SKU is required.';
    else if (sku !== ownSku && takenSkus.includes(sku)) errors.sku = 'Another product already uses this SKU.';
    if (!draft.category) errors.category = 'Pick a category.';
    if (draft.price === '' || draft.price === null || isNaN(Number(draft.price)) || Number(draft.price) < 0) {
      errors.price = 'Enter a price of 0 or more.';
    }
    if (draft.stock === '' || draft.stock === null || !Number.isInteger(Number(draft.stock)) || Number(draft.stock) < 0) {
      errors.stock = 'Stock must be a whole number.';
    }
    return errors;
  }

  function normalise(draft) {
    return {
      name: String(draft.name).trim(),
      sku: String(draft.sku).trim().toUpperCase(),
      category: draft.category,
      price: Math.round(Number(draft.price) * 100) / 100,
      stock: Number(draft.stock),
    };
  }

  /* ---------- components ---------- */

  const InventoryTabs = {
    template: '#tpl-tabs',
    props: { modelValue: { type: String, required: true }, counts: { type: Object, required: true } },
    emits: ['update:modelValue'],
    data() {
      return {
        tabs: [
          { key: 'products', label: 'Products' },
          { key: 'low', label: 'Low stock' },
          { key: 'archived', label: 'Archived' },
        ],
      };
    },
    methods: {
      onKey(e) {
        if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
        const i = this.tabs.findIndex((t) => t.key === this.modelValue);
        const next = this.tabs[(i + (e.key === 'ArrowRight' ? 1 : this.tabs.length - 1)) % this.tabs.length];
        this.$emit('update:modelValue', next.key);
        this.$nextTick(() => document.getElementById('tab-' + next.key).focus());
      },
    },
  };

  const ProductTable = {
    template: '#tpl-table',
    props: {
      products: { type: Array, required: true },
      mode: String,
      sortKey: String,
      sortDir: String,
      selected: { type: Array, default: () => [] },
      query: String,
    },
    emits: ['sort', 'toggle-row', 'toggle-all', 'adjust', 'open', 'restore'],
    data() {
      return {
        lowLimit: LOW_STOCK_LIMIT,
        columns: [
          { key: 'name', label: 'Name', cls: 'col-name' },
          { key: 'sku', label: 'SKU', cls: '' },
          { key: 'category', label: 'Category', cls: '' },
          { key: 'price', label: 'Price', cls: 'num' },
          { key: 'stock', label: 'Stock', cls: 'num' },
        ],
      };
    },
    computed: {
      selectable() { return this.mode !== 'archived'; },
      allChecked() { return this.products.length > 0 && this.products.every((p) => this.selected.includes(p.id)); },
      someChecked() { return !this.allChecked && this.products.some((p) => this.selected.includes(p.id)); },
      colspan() { return this.columns.length + 1 + (this.selectable ? 1 : 0) + (this.mode === 'archived' ? 1 : 0); },
    },
    methods: {
      money,
      isSelected(id) { return this.selected.includes(id); },
      arrow(key) { return this.sortKey === key ? (this.sortDir === 'asc' ? '▲' : '▼') : ''; },
      ariaSort(key) {
        if (this.sortKey !== key) return null;
        return this.sortDir === 'asc' ? 'ascending' : 'descending';
      },
      pillClass(p) {
        return p.status === 'Archived' ? 'pill-muted' : 'pill-ok';
      },
    },
  };

  const ProductFields = {
    template: '#tpl-fields',
    props: {
      modelValue: { type: Object, required: true },
      idPrefix: { type: String, required: true },
      errors: { type: Object, default: () => ({}) },
    },
    emits: ['update:modelValue'],
    setup(props, { emit }) {
      const bind = (key) => computed({
        get: () => props.modelValue[key],
        set: (value) => emit('update:modelValue', Object.assign({}, props.modelValue, { [key]: value })),
      });
      return {
        categories: CATEGORIES,
        name: bind('name'),
        sku: bind('sku'),
        category: bind('category'),
        price: bind('price'),
        stock: bind('stock'),
      };
    },
  };

  const AddProductModal = {
    template: '#tpl-add-modal',
    components: { ProductFields },
    props: { takenSkus: { type: Array, default: () => [] } },
    emits: ['save', 'cancel'],
    setup(props, { emit }) {
      const draft = ref({ name: '', sku: '', category: '', price: '', stock: 0 });
      const errors = ref({});
      function submit() {
        errors.value = validate(draft.value, props.takenSkus, null);
        if (Object.keys(errors.value).length) {
          nextTick(() => {
            const bad = document.querySelector('.modal [aria-invalid="true"]');
            if (bad) bad.focus();
          });
          return;
        }
        emit('save', normalise(draft.value));
      }
      onMounted(() => {
        const first = document.getElementById('add-name');
        if (first) first.focus();
      });
      return { draft, errors, submit };
    },
  };

  const EditDrawer = {
    template: '#tpl-drawer',
    components: { ProductFields },
    props: {
      product: { type: Object, required: true },
      takenSkus: { type: Array, default: () => [] },
    },
    emits: ['save', 'delete', 'close'],
    data() {
      return { draft: clone(this.product), errors: {}, confirming: false };
    },
    mounted() {
      const first = document.getElementById('edit-name');
      if (first) first.focus();
    },
    methods: {
      submit() {
        this.errors = validate(this.draft, this.takenSkus, this.product.sku);
        if (Object.keys(this.errors).length) return;
        this.$emit('save', Object.assign({ id: this.product.id, status: this.draft.status }, normalise(this.draft)));
      },
      askDelete() {
        this.confirming = true;
        this.$nextTick(() => this.$refs.keepBtn && this.$refs.keepBtn.focus());
      },
    },
  };

  /* ---------- root ---------- */

  const App = {
    template: '#tpl-app',
    components: { InventoryTabs, ProductTable, AddProductModal, EditDrawer },
    setup() {
      const products = ref(readStore());
      const tab = ref('products');
      const search = ref('');
      const category = ref('');
      const sortKey = ref('name');
      const sortDir = ref('asc');
      const selected = ref([]);
      const showAdd = ref(false);
      const editingId = ref(null);
      const toasts = ref([]);
      let toastSeq = 0;

      watch(products, (list) => writeStore(list), { deep: true });

      function toast(text) {
        const id = ++toastSeq;
        toasts.value.push({ id, text });
        setTimeout(() => { toasts.value = toasts.value.filter((t) => t.id !== id); }, 4000);
      }

      const inTab = (p, which) => {
        if (which === 'archived') return p.status === 'Archived';
        if (which === 'low') return p.status === 'Active' && p.stock <= LOW_STOCK_LIMIT;
        return p.status === 'Active';
      };

      const counts = computed(() => ({
        products: products.value.filter((p) => inTab(p, 'products')).length,
        low: products.value.filter((p) => inTab(p, 'low')).length,
        archived: products.value.filter((p) => inTab(p, 'archived')).length,
      }));

      const tabTotal = computed(() => counts.value[tab.value]);

      const visible = computed(() => {
        const q = search.value.trim().toLowerCase();
        const rows = products.value.filter((p) => {
          if (!inTab(p, tab.value)) return false;
          if (category.value && p.category !== category.value) return false;
          if (!q) return true;
          return (p.name + ' ' + p.sku + ' ' + p.category).toLowerCase().includes(q);
        });
        const dir = sortDir.value === 'asc' ? 1 : -1;
        const key = sortKey.value;
        return rows.slice().sort((a, b) => {
          const x = a[key];
          const y = b[key];
          if (typeof x === 'number') return (x - y) * dir || a.name.localeCompare(b.name);
          return String(x).localeCompare(String(y)) * dir;
        });
      });

      // Keep the selection limited to rows you can see.
      watch(visible, (rows) => {
        const ids = rows.map((p) => p.id);
        const kept = selected.value.filter((id) => ids.includes(id));
        if (kept.length !== selected.value.length) selected.value = kept;
      });
      watch(tab, () => { selected.value = []; });

      const summaryLine = computed(() => {
        const active = products.value.filter((p) => p.status === 'Active');
        const units = active.reduce((n, p) => n + p.stock, 0);
        const value = active.reduce((n, p) => n + p.stock * p.price, 0);
        return `${active.length} active products · ${units} units on hand · stock value ${money(value)}`;
      });

      const skuList = computed(() => products.value.map((p) => p.sku));
      const editing = computed(() => products.value.find((p) => p.id === editingId.value) || null);

      function setSort(key) {
        if (sortKey.value === key) sortDir.value = sortDir.value === 'asc' ? 'desc' : 'asc';
        else { sortKey.value = key; sortDir.value = 'asc'; }
      }
      function toggleRow(id) {
        selected.value = selected.value.includes(id) ? selected.value.filter((x) => x !== id) : selected.value.concat(id);
      }
      function toggleAll(checked) {
        selected.value = checked ? visible.value.map((p) => p.id) : [];
      }
      function adjustStock(id, delta) {
        const p = products.value.find((x) => x.id === id);
        if (p) p.stock = Math.max(0, p.stock + delta);
      }
      function archiveSelected() {
        const ids = selected.value.slice();
        products.value.forEach((p) => { if (ids.includes(p.id)) p.status = 'Archived'; });
        selected.value = [];
        toast(ids.length === 1 ? '1 product archived' : `${ids.length} products archived`);
      }
      function restore(id) {
        const p = products.value.find((x) => x.id === id);
        if (!p) return;
        p.status = 'Active';
        toast(`Restored “${p.name}”`);
      }
      function exportCsv() {
        const rows = selected.value.length ? visible.value.filter((p) => selected.value.includes(p.id)) : visible.value;
        toast(`Exported ${rows.length} ${rows.length === 1 ? 'product' : 'products'} to fernwood-inventory-${EXPORT_DATE}.csv`);
      }
      function addProduct(data) {
        const nextId = products.value.reduce((m, p) => Math.max(m, p.id), 100) + 1;
        products.value.push(Object.assign({ id: nextId, status: 'Active' }, data));
        showAdd.value = false;
        toast(`Added “${data.name}”`);
      }
      function saveProduct(data) {
        const p = products.value.find((x) => x.id === data.id);
        if (!p) return;
        Object.assign(p, data);
        editingId.value = null;
        toast(`Saved changes to “${p.name}”`);
      }
      function deleteProduct(id) {
        const p = products.value.find((x) => x.id === id);
        products.value = products.value.filter((x) => x.id !== id);
        selected.value = selected.value.filter((x) => x !== id);
        editingId.value = null;
        if (p) toast(`Deleted “${p.name}”`);
      }
      function openEditor(id) {
        editingId.value = id;
      }

      return {
        categories: CATEGORIES,
        lowLimit: LOW_STOCK_LIMIT,
        tab, search, category, sortKey, sortDir, selected, showAdd, editingId, toasts,
        counts, tabTotal, visible, summaryLine, skuList, editing,
        setSort, toggleRow, toggleAll, adjustStock, archiveSelected, restore, exportCsv,
        addProduct, saveProduct, deleteProduct, openEditor,
      };
    },
  };

  createApp(App).mount('#app');
})(window.Vue);
