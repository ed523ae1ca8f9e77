package org.lunchrush.demo;

import java.util.List;
import java.util.regex.Pattern;

import org.lunchrush.catalog.CatalogSetup.BuildingKind;
import org.lunchrush.catalog.CatalogSetup.MerchantKind;

/**
 * The demo campus's data: a made-up university with real-looking canteens. Coordinates
 * are metres on the campus plan.
 * <p>
 * Public because the lunch-rush simulator ({@code tools/campus-sim}) rides on the same
 * campus: one place holds the buildings and the stalls.
 */
public final class DemoData {

	public record Building(String name, BuildingKind kind, int x, int y) {
	}

	public record Dish(String name, int priceCents) {
	}

	public record Stall(String name, String building, MerchantKind kind, List<Dish> dishes) {
	}

	public static final List<Building> BUILDINGS = List.of(new Building("梅园1栋", BuildingKind.DORM, 200, 600),
			new Building("梅园2栋", BuildingKind.DORM, 280, 620), new Building("梅园3栋", BuildingKind.DORM, 360, 640),
			new Building("梅园4栋", BuildingKind.DORM, 200, 720), new Building("梅园5栋", BuildingKind.DORM, 280, 740),
			new Building("梅园6栋", BuildingKind.DORM, 360, 760), new Building("桃园1栋", BuildingKind.DORM, 950, 700),
			new Building("桃园2栋", BuildingKind.DORM, 1030, 720), new Building("桃园3栋", BuildingKind.DORM, 950, 800),
			new Building("桃园4栋", BuildingKind.DORM, 1030, 820), new Building("竹园1栋", BuildingKind.DORM, 620, 1000),
			new Building("竹园2栋", BuildingKind.DORM, 700, 1020), new Building("研究生公寓A", BuildingKind.DORM, 1300, 200),
			new Building("研究生公寓B", BuildingKind.DORM, 1380, 260), new Building("第一食堂", BuildingKind.CANTEEN, 300, 200),
			new Building("第二食堂", BuildingKind.CANTEEN, 1100, 350),
			new Building("教学楼A", BuildingKind.TEACHING, 650, 300),
			new Building("教学楼B", BuildingKind.TEACHING, 760, 320), new Building("图书馆", BuildingKind.LIBRARY, 700, 480),
			new Building("南门", BuildingKind.GATE, 700, -100));

	/**
	 * The shop outside the south gate delivers only this far.
	 */
	public static final List<String> SHOP_ZONE = List.of("梅园1栋", "梅园2栋", "梅园3栋", "教学楼A");

	public static final List<Stall> STALLS = List.of(new Stall("第一食堂·川味小炒", "第一食堂", MerchantKind.CANTEEN_STALL,
			List.of(new Dish("宫保鸡丁", 1500), new Dish("鱼香肉丝", 1400), new Dish("回锅肉", 1600), new Dish("麻婆豆腐", 1000),
					new Dish("水煮牛肉", 2200), new Dish("干煸四季豆", 1100), new Dish("辣子鸡", 1800), new Dish("青椒肉丝", 1300),
					new Dish("番茄炒蛋", 900), new Dish("酸辣土豆丝", 800), new Dish("米饭", 100), new Dish("紫菜蛋花汤", 300))),
			new Stall("第一食堂·兰州拉面", "第一食堂", MerchantKind.CANTEEN_STALL,
					List.of(new Dish("牛肉拉面", 1200), new Dish("加肉牛肉面", 1600), new Dish("刀削面", 1200),
							new Dish("炒拉条子", 1400), new Dish("牛肉炒饭", 1500), new Dish("凉拌牛肉", 1800),
							new Dish("酸汤水饺", 1300), new Dish("孜然羊肉盖饭", 1700), new Dish("鸡蛋", 200), new Dish("卤蛋", 250),
							new Dish("凉皮", 900), new Dish("冰峰汽水", 400))),
			new Stall("第一食堂·广式烧腊", "第一食堂", MerchantKind.CANTEEN_STALL,
					List.of(new Dish("蜜汁叉烧饭", 1800), new Dish("白切鸡饭", 1700), new Dish("烧鸭饭", 1900),
							new Dish("双拼饭", 2200), new Dish("三拼饭", 2600), new Dish("豉汁排骨饭", 1700),
							new Dish("腊味煲仔饭", 2000), new Dish("滑蛋虾仁饭", 2100), new Dish("白灼菜心", 800),
							new Dish("例汤", 400), new Dish("叉烧包", 500), new Dish("菠萝包", 450))),
			new Stall("第一食堂·麻辣香锅", "第一食堂", MerchantKind.CANTEEN_STALL,
					List.of(new Dish("招牌麻辣香锅(小)", 2200), new Dish("招牌麻辣香锅(中)", 2800), new Dish("麻辣烫", 1500),
							new Dish("冒菜", 1600), new Dish("干锅花菜", 1300), new Dish("干锅土豆片", 1100),
							new Dish("香辣虾", 2600), new Dish("酸菜鱼", 2400), new Dish("毛血旺", 2300), new Dish("藕片", 500),
							new Dish("宽粉", 400), new Dish("米饭", 100))),
			new Stall("第一食堂·东北水饺", "第一食堂", MerchantKind.CANTEEN_STALL,
					List.of(new Dish("猪肉白菜水饺", 1200), new Dish("三鲜水饺", 1500), new Dish("韭菜鸡蛋水饺", 1100),
							new Dish("酸菜猪肉水饺", 1300), new Dish("玉米猪肉水饺", 1300), new Dish("锅包肉", 2000),
							new Dish("地三鲜", 1300), new Dish("小鸡炖蘑菇", 2200), new Dish("拍黄瓜", 600), new Dish("煎饺", 1200),
							new Dish("小米粥", 300), new Dish("酸梅汤", 400))),
			new Stall("第一食堂·轻食沙拉", "第一食堂", MerchantKind.CANTEEN_STALL,
					List.of(new Dish("鸡胸肉沙拉", 1900), new Dish("牛油果虾仁沙拉", 2600), new Dish("金枪鱼沙拉", 2300),
							new Dish("藜麦能量碗", 2400), new Dish("照烧鸡腿饭", 2000), new Dish("全麦三明治", 1500),
							new Dish("希腊酸奶杯", 1200), new Dish("鲜榨橙汁", 1200), new Dish("烤红薯", 600), new Dish("玉米杯", 500),
							new Dish("水煮蛋", 200), new Dish("美式咖啡", 1000))),
			new Stall("第二食堂·黄焖鸡米饭", "第二食堂", MerchantKind.CANTEEN_STALL,
					List.of(new Dish("黄焖鸡米饭", 1600), new Dish("黄焖排骨饭", 1800), new Dish("黄焖牛肉饭", 2000),
							new Dish("黄焖豆腐饭", 1200), new Dish("黄焖鸡(大份)", 2200), new Dish("加香菇", 300),
							new Dish("加土豆", 300), new Dish("加青菜", 300), new Dish("卤蛋", 250), new Dish("可乐", 400),
							new Dish("雪碧", 400), new Dish("米饭", 100))),
			new Stall("第二食堂·重庆小面", "第二食堂", MerchantKind.CANTEEN_STALL,
					List.of(new Dish("重庆小面", 1000), new Dish("豌杂面", 1300), new Dish("牛肉面", 1500), new Dish("肥肠面", 1600),
							new Dish("酸辣粉", 1100), new Dish("红油抄手", 1200), new Dish("清汤抄手", 1200),
							new Dish("担担面", 1200), new Dish("鸡杂面", 1400), new Dish("凉面", 1000), new Dish("冰粉", 500),
							new Dish("豆浆", 300))),
			new Stall("第二食堂·西北面馆", "第二食堂", MerchantKind.CANTEEN_STALL,
					List.of(new Dish("油泼面", 1300), new Dish("Biangbiang面", 1500), new Dish("臊子面", 1300),
							new Dish("肉夹馍", 1000), new Dish("羊肉泡馍", 2200), new Dish("凉皮", 900), new Dish("裤带面", 1400),
							new Dish("西红柿鸡蛋面", 1200), new Dish("岐山擀面皮", 1000), new Dish("胡辣汤", 800),
							new Dish("甑糕", 700), new Dish("冰峰汽水", 400))),
			new Stall("第二食堂·潮汕牛肉粉", "第二食堂", MerchantKind.CANTEEN_STALL,
					List.of(new Dish("鲜牛肉粉", 1800), new Dish("牛肉丸粉", 1500), new Dish("牛筋丸粉", 1600),
							new Dish("鲜牛肉粿条", 1800), new Dish("牛杂粉", 1700), new Dish("沙茶牛肉拌面", 1900),
							new Dish("牛肉丸汤", 1200), new Dish("干炒牛河", 1900), new Dish("卤豆腐", 500), new Dish("菜脯蛋", 800),
							new Dish("油条", 300), new Dish("柠檬茶", 600))),
			new Stall("第二食堂·韩式拌饭", "第二食堂", MerchantKind.CANTEEN_STALL,
					List.of(new Dish("石锅拌饭", 1800), new Dish("牛肉拌饭", 2000), new Dish("金枪鱼拌饭", 1900),
							new Dish("泡菜炒饭", 1500), new Dish("部队锅", 2400), new Dish("辣炒年糕", 1200),
							new Dish("紫菜包饭", 1300), new Dish("韩式炸鸡(半只)", 2800), new Dish("大酱汤", 1200),
							new Dish("泡菜饼", 1100), new Dish("鱼饼串", 800), new Dish("大麦茶", 300))),
			new Stall("第二食堂·粥铺点心", "第二食堂", MerchantKind.CANTEEN_STALL,
					List.of(new Dish("皮蛋瘦肉粥", 900), new Dish("海鲜粥", 1500), new Dish("南瓜小米粥", 600),
							new Dish("鲜虾肠粉", 1000), new Dish("叉烧肠粉", 900), new Dish("鸡蛋肠粉", 700), new Dish("小笼包", 1000),
							new Dish("生煎包", 1000), new Dish("烧麦", 800), new Dish("蒸饺", 900), new Dish("豆浆", 300),
							new Dish("茶叶蛋", 200))),
			new Stall("南门·一点点奶茶", "南门", MerchantKind.SHOP,
					List.of(new Dish("波霸奶茶", 1400), new Dish("四季春玛奇朵", 1500), new Dish("柠檬绿茶", 1100),
							new Dish("乌龙奶茶", 1300), new Dish("百香果双响炮", 1600), new Dish("冰淇淋红茶", 1200))));

	private static final Pattern DRINK = Pattern.compile("(汽水|奶茶|咖啡|橙汁|可乐|雪碧|豆浆|酸梅汤|绿茶|红茶|柠檬茶|大麦茶|玛奇朵|双响炮)");

	private static final Pattern SOUP = Pattern.compile("汤$");

	private static final Pattern SNACK = Pattern
		.compile("(^(鸡蛋|卤蛋|水煮蛋|茶叶蛋|菜脯蛋)$|包$|^加(香菇|土豆|青菜)$|凉皮|烧麦|煎饺|藕片|宽粉|拍黄瓜|凉拌|冰粉|甑糕|油条|卤豆腐|鱼饼串|泡菜饼|烤红薯|玉米杯|酸奶杯)");

	private DemoData() {
	}

	/**
	 * The menu category of a stall's dish: its first dish (or one named so) is the
	 * stall's 招牌, then 饮品, 汤 and 小吃 by name, 主食 for the rest. The migration that gave
	 * categories to items seeded before them
	 * ({@code V2026_12_06_61__menu_item_category_picture.sql}) applies the same rules.
	 * @param position the dish's place in its stall's list, from 0
	 */
	public static String category(String dish, int position) {
		if (position == 0 || dish.startsWith("招牌")) {
			return "招牌";
		}
		if (DRINK.matcher(dish).find()) {
			return "饮品";
		}
		if (SOUP.matcher(dish).find()) {
			return "汤";
		}
		if (SNACK.matcher(dish).find()) {
			return "小吃";
		}
		return "主食";
	}

}
