export { parsePackedIndicators, stripMarkup, type PackedItem, type PackedValue } from './parse';
