package store;

/** What a map declares as its key where the key entity is an implementation (@MapKeyClass names it). */
public interface Shippable {}
