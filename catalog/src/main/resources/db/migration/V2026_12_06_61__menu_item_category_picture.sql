-- Merchants manage their own menus: every item has a category (the menu is grouped by it),
-- may have one picture, and can be deleted. A deleted item keeps its row, since orders and
-- the stock ledger name it; it is only gone from the menu.
alter table catalog.menu_item
	add column category text not null default '主食' check (char_length(category) between 1 and 20),
	add column deleted_at timestamptz;

-- Categories for the items of an installation seeded before categories existed, by the
-- same rules the demo campus seeds them with (DemoData.category): the stall's first dish
-- is its 招牌, then drinks, soups and snacks by name, 主食 for the rest.
update catalog.menu_item set category = '饮品'
	where name ~ '(汽水|奶茶|咖啡|橙汁|可乐|雪碧|豆浆|酸梅汤|绿茶|红茶|柠檬茶|大麦茶|玛奇朵|双响炮)';
update catalog.menu_item set category = '汤'
	where category = '主食' and name ~ '汤$';
update catalog.menu_item set category = '小吃'
	where category = '主食'
	  and name ~ '(^(鸡蛋|卤蛋|水煮蛋|茶叶蛋|菜脯蛋)$|包$|^加(香菇|土豆|青菜)$|凉皮|烧麦|煎饺|藕片|宽粉|拍黄瓜|凉拌|冰粉|甑糕|油条|卤豆腐|鱼饼串|泡菜饼|烤红薯|玉米杯|酸奶杯)';
update catalog.menu_item set category = '招牌'
	where name like '招牌%'
	   or id in (select distinct on (merchant_id) id from catalog.menu_item order by merchant_id, position, id);

-- From now on every item is created with a category of its own.
alter table catalog.menu_item alter column category drop default;

-- One picture per item, kept by the platform (not on a process's disk), so that any
-- process answers for it. sha256 (hex) versions the picture's URL and is its ETag.
create table catalog.item_picture (
	item_id      bigint primary key references catalog.menu_item (id),
	content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
	bytes        bytea not null check (octet_length(bytes) between 1 and 1048576),
	sha256       char(64) not null,
	uploaded_at  timestamptz not null default now()
);
